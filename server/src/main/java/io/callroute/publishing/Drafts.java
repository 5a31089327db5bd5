package io.callroute.publishing;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.auth.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The editable side of the rule lifecycle: rule set drafts and the rules inside them. Drafts never affect calls;
 * only {@link Publisher} turns them into a live version. Every change is optimistic: a draft carries a revision, a
 * rule an ETag (the hash of its canonical JSON), and an edit based on anything but the current one is refused with
 * the current state — so of two editors saving the same object, one wins and the other sees what won.
 */
public final class Drafts {

    /** How often a rule edit is retried when another rule of the same set was saved at the same moment. */
    private static final int RULE_EDIT_ATTEMPTS = 10;

    private final DraftStore store;
    private final RuleSetCompiler compiler;
    private final AuditSink audit;
    private final Clock clock;

    Drafts(DraftStore store, RuleSetCompiler compiler, AuditSink audit, Clock clock) {
        this.store = store;
        this.compiler = compiler;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every draft, by name. */
    public List<Draft> list() {
        return store.all();
    }

    /** The draft documents, by name: what a publish would make live. */
    public List<ObjectNode> documents() {
        return store.all().stream().map(Draft::document).toList();
    }

    public Draft get(String name) {
        RuleSetShape.checkName(name, "rule set");
        return store.find(name).orElseThrow(() -> new EditRefused.NotFound("There is no rule set \"" + name + "\""));
    }

    /** Problems of all drafts together, exactly as a publish would find them. */
    public List<Problem> validate() {
        return compiler.problems(documents());
    }

    /** Creates a rule set from a document that names itself ({@code ruleSet}). */
    public Saved create(Actor actor, JsonNode body) {
        ObjectNode document = RuleSetShape.ruleSet(body, null);
        return insert(actor, document, "draft.created");
    }

    /** Replaces a rule set's document; {@code ifMatch} must be the revision the editor read. */
    public Saved replace(Actor actor, String name, String ifMatch, JsonNode body) {
        Draft before = get(name);
        long expected = Preconditions.revision(ifMatch, "rule set " + name);
        ObjectNode document = RuleSetShape.ruleSet(body, name);
        return update(actor, before, expected, document, "draft.updated", null);
    }

    /** Deletes a rule set's draft; it disappears from the next published version. */
    public void delete(Actor actor, String name, String ifMatch) {
        Draft before = get(name);
        long expected = Preconditions.revision(ifMatch, "rule set " + name);
        if (!store.delete(name, expected)) {
            throw stale(name, expected);
        }
        audit.record(actor, "draft.deleted", target(name), CanonicalJson.write(before.document()), null);
    }

    /** The rule set as canonical YAML. */
    public String exportYaml(String name) {
        return CanonicalYaml.write(get(name).document());
    }

    /**
     * Imports YAML as rule set {@code name}: creates it when absent ({@code ifMatch} must then be null), otherwise
     * replaces it ({@code ifMatch} required). Checked like any other edit.
     */
    public Saved importYaml(Actor actor, String name, String ifMatch, String yaml) {
        RuleSetShape.checkName(name, "rule set");
        JsonNode tree;
        try {
            tree = CanonicalYaml.parse(yaml == null ? "" : yaml);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw EditRefused.Invalid.malformed(null, "The body is not valid YAML" + where + ": "
                    + firstLine(e.getOriginalMessage()));
        }
        ObjectNode document = RuleSetShape.ruleSet(tree, name);
        Optional<Draft> existing = store.find(name);
        if (existing.isEmpty()) {
            if (ifMatch != null) {
                throw new EditRefused.NotFound("There is no rule set \"" + name + "\" to replace (If-Match was given);"
                        + " leave If-Match out to create it");
            }
            return insert(actor, document, "draft.imported");
        }
        long expected = Preconditions.revision(ifMatch, "rule set " + name);
        return update(actor, existing.get(), expected, document, "draft.imported", null);
    }

    /** One rule of a draft and its ETag. */
    public record RuleView(String ruleSet, ObjectNode rule, String etag) {
    }

    public List<RuleView> rules(String name) {
        Draft draft = get(name);
        JsonNode rules = draft.document().path("rules");
        return java.util.stream.StreamSupport.stream(rules.spliterator(), false)
                .map(rule -> new RuleView(name, (ObjectNode) rule, Preconditions.quote(CanonicalJson.tag(rule))))
                .toList();
    }

    public RuleView rule(String name, String ruleId) {
        RuleSetShape.checkName(ruleId, "rule");
        Draft draft = get(name);
        int index = indexOf(draft.document(), ruleId);
        if (index < 0) {
            throw new EditRefused.NotFound("Rule set \"" + name + "\" has no rule \"" + ruleId + "\"");
        }
        JsonNode rule = draft.document().get("rules").get(index);
        return new RuleView(name, (ObjectNode) rule, Preconditions.quote(CanonicalJson.tag(rule)));
    }

    /** Adds a rule at the end of the set; 409 when its id is taken. */
    public Saved createRule(Actor actor, String name, JsonNode body) {
        ObjectNode rule = RuleSetShape.ruleWithId(body, null);
        String id = rule.get("id").asText();
        for (int attempt = 0; attempt < RULE_EDIT_ATTEMPTS; attempt++) {
            Draft draft = get(name);
            if (indexOf(draft.document(), id) >= 0) {
                throw new EditRefused.AlreadyExists("Rule set \"" + name + "\" already has a rule \"" + id + "\"");
            }
            ObjectNode document = draft.document().deepCopy();
            RuleSetShape.rules(document).add(rule);
            Optional<Saved> saved = tryUpdate(actor, draft, document, "rule.created", id, null, rule, true);
            if (saved.isPresent()) {
                return saved.get();
            }
        }
        throw busy(name);
    }

    /**
     * Replaces one rule; {@code ifMatch} must be the rule's ETag as the editor read it. Other rules of the set may
     * have changed meanwhile: that is no conflict. A different {@code id} in the body renames the rule.
     */
    public Saved replaceRule(Actor actor, String name, String ruleId, String ifMatch, JsonNode body) {
        RuleSetShape.checkName(ruleId, "rule");
        String expected = Preconditions.tag(ifMatch, "rule " + ruleId);
        ObjectNode rule = RuleSetShape.ruleWithId(body, ruleId);
        String newId = rule.get("id").asText();
        for (int attempt = 0; attempt < RULE_EDIT_ATTEMPTS; attempt++) {
            Draft draft = get(name);
            int index = currentRule(draft, ruleId, expected);
            if (!newId.equals(ruleId) && indexOf(draft.document(), newId) >= 0) {
                throw new EditRefused.AlreadyExists("Rule set \"" + name + "\" already has a rule \"" + newId
                        + "\"; choose another id");
            }
            ObjectNode document = draft.document().deepCopy();
            ArrayNode rules = (ArrayNode) document.get("rules");
            JsonNode before = rules.get(index);
            rules.set(index, rule);
            Optional<Saved> saved = tryUpdate(actor, draft, document, "rule.updated", newId, before, rule, false);
            if (saved.isPresent()) {
                return saved.get();
            }
        }
        throw busy(name);
    }

    /** Deletes one rule; {@code ifMatch} must be its ETag. */
    public Saved deleteRule(Actor actor, String name, String ruleId, String ifMatch) {
        RuleSetShape.checkName(ruleId, "rule");
        String expected = Preconditions.tag(ifMatch, "rule " + ruleId);
        for (int attempt = 0; attempt < RULE_EDIT_ATTEMPTS; attempt++) {
            Draft draft = get(name);
            int index = currentRule(draft, ruleId, expected);
            ObjectNode document = draft.document().deepCopy();
            JsonNode before = ((ArrayNode) document.get("rules")).remove(index);
            Optional<Saved> saved = tryUpdate(actor, draft, document, "rule.deleted", ruleId, before, null, false);
            if (saved.isPresent()) {
                return saved.get();
            }
        }
        throw busy(name);
    }

    /** Adds drafts as they come from files (first start); names taken already are skipped. */
    int importSources(Actor actor, List<ObjectNode> documents) {
        int added = 0;
        for (ObjectNode document : documents) {
            if (store.insert(document.get("ruleSet").asText(), document, actor.username(), Instant.now(clock))) {
                audit.record(actor, "draft.imported", target(document.get("ruleSet").asText()), null,
                        CanonicalJson.write(document));
                added++;
            }
        }
        return added;
    }

    /**
     * Rewrites rule sets the V3 migration carried over from V1 (still YAML text) as canonical JSON. A text that is
     * not a usable rule set is kept under {@code legacySource}, so nothing is lost and validation names it.
     */
    int convertLegacy() {
        int converted = 0;
        for (String[] row : store.legacyRows()) {
            ObjectNode document;
            try {
                document = RuleSetShape.ruleSet(CanonicalYaml.parse(row[1]), row[0]);
            } catch (JacksonException | EditRefused e) {
                document = JsonNodeFactory.instance.objectNode().put("ruleSet", row[0]).put("legacySource", row[1]);
            }
            if (store.update(row[0], 0, document, Actor.SYSTEM.username(), Instant.now(clock))) {
                converted++;
            }
        }
        return converted;
    }

    private Saved insert(Actor actor, ObjectNode document, String action) {
        String name = document.get("ruleSet").asText();
        if (!store.insert(name, document, actor.username(), Instant.now(clock))) {
            throw new EditRefused.AlreadyExists("Rule set \"" + name + "\" exists already; change it with PUT and"
                    + " If-Match, or choose another name");
        }
        audit.record(actor, action, target(name), null, CanonicalJson.write(document));
        Draft saved = get(name);
        return new Saved(saved, null, null, true, problems(document));
    }

    private Saved update(Actor actor, Draft before, long expected, ObjectNode document, String action,
                         String ruleId) {
        if (!store.update(before.name(), expected, document, actor.username(), Instant.now(clock))) {
            throw stale(before.name(), expected);
        }
        audit.record(actor, action, target(before.name()), CanonicalJson.write(before.document()),
                CanonicalJson.write(document));
        Draft saved = get(before.name());
        return new Saved(saved, ruleId, null, false, problems(document));
    }

    private Optional<Saved> tryUpdate(Actor actor, Draft draft, ObjectNode document, String action, String ruleId,
                                      JsonNode before, JsonNode after, boolean created) {
        if (!store.update(draft.name(), draft.revision(), document, actor.username(), Instant.now(clock))) {
            return Optional.empty();   // another edit of this set landed in between: read again and re-check
        }
        audit.record(actor, action, "rule:" + draft.name() + "/" + ruleId,
                before == null ? null : CanonicalJson.write(before), after == null ? null : CanonicalJson.write(after));
        Draft saved = get(draft.name());
        return Optional.of(new Saved(saved, ruleId,
                after == null ? null : Preconditions.quote(CanonicalJson.tag(after)), created, problems(document)));
    }

    /** The rule's index, after checking that it still is what the editor read. */
    private static int currentRule(Draft draft, String ruleId, String expectedTag) {
        int index = indexOf(draft.document(), ruleId);
        if (index < 0) {
            throw new EditRefused.NotFound("Rule set \"" + draft.name() + "\" has no rule \"" + ruleId
                    + "\" (any more)");
        }
        JsonNode current = draft.document().get("rules").get(index);
        String tag = CanonicalJson.tag(current);
        if (!tag.equals(expectedTag)) {
            throw new EditRefused.Stale("Rule \"" + ruleId + "\" of rule set \"" + draft.name() + "\" was changed by "
                    + draft.updatedBy() + " after you read it; nothing was saved. The current rule is attached:"
                    + " merge your change into it and save again with its ETag", current,
                    Preconditions.quote(tag));
        }
        return index;
    }

    private EditRefused stale(String name, long expected) {
        Optional<Draft> current = store.find(name);
        if (current.isEmpty()) {
            return new EditRefused.NotFound("Rule set \"" + name + "\" was deleted after you read it");
        }
        Draft draft = current.get();
        return new EditRefused.Stale("Rule set \"" + name + "\" is at revision " + draft.revision() + " (saved by "
                + draft.updatedBy() + " at " + draft.updatedAt() + "), your change was based on revision " + expected
                + "; nothing was saved. The current rule set is attached: merge your change into it and save again"
                + " with its ETag", draft.document(), draft.etag());
    }

    private static EditRefused busy(String name) {
        return new EditRefused.AlreadyExists("Rule set \"" + name + "\" is being changed by others right now; try"
                + " again");
    }

    /**
     * The problems of one saved document, checked together with the other drafts: schedules are shared by all rule
     * sets, so a rule may name one that another set defines. When only other sets' problems come back (a set that
     * does not read stops the compile before this one is compiled), this document is checked on its own instead.
     */
    private List<Problem> problems(ObjectNode document) {
        String name = document.path("ruleSet").asText();
        List<ObjectNode> all = new ArrayList<>(store.all().stream().filter(draft -> !draft.name().equals(name))
                .map(Draft::document).toList());
        all.add(document);
        List<Problem> problems = compiler.problems(all);
        List<Problem> own = problems.stream().filter(problem -> name.equals(problem.ruleSet())).toList();
        return own.isEmpty() && !problems.isEmpty() ? compiler.problems(List.of(document)) : own;
    }

    static int indexOf(JsonNode document, String ruleId) {
        JsonNode rules = document.get("rules");
        if (rules == null || !rules.isArray()) {
            return -1;
        }
        for (int i = 0; i < rules.size(); i++) {
            if (ruleId.equals(rules.get(i).path("id").asText(null))) {
                return i;
            }
        }
        return -1;
    }

    private static String target(String name) {
        return "rule-set:" + name;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
