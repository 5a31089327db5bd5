package io.callroute.publishing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.LiveRules;
import java.util.List;
import java.util.Optional;

/**
 * The read side of versions: listing, one version's rule sets, and naming what to compare — a version number,
 * {@code live} (the newest publication) or {@code draft} (the current drafts).
 */
public final class Versions {

    public static final String LIVE = "live";
    public static final String DRAFT = "draft";

    private final VersionStore store;
    private final Drafts drafts;
    private final RuleSetCompiler compiler;
    private final LiveRules liveRules;

    Versions(VersionStore store, Drafts drafts, RuleSetCompiler compiler, LiveRules liveRules) {
        this.store = store;
        this.drafts = drafts;
        this.compiler = compiler;
        this.liveRules = liveRules;
    }

    /** The semantic difference between two references (numbers, {@code live}, {@code draft}). */
    public ObjectNode diff(String from, String to) {
        return VersionDiff.between(label(from), ruleSets(from), label(to), ruleSets(to));
    }

    /** The DRL a version compiles to: the live rules' own when it is live, else compiled now (not made live). */
    public String drl(String reference) {
        Version version = resolve(reference);
        Optional<CompiledRules> current = liveRules.current();
        if (current.isPresent() && current.get().version() == version.number()) {
            return current.get().drl();
        }
        return compiler.compile(version.ruleSets(), version.number()).drl();
    }

    /**
     * The rules a reference names, compiled: the live rules themselves for {@code live} (and for a version still
     * kept for calls in their menus), the drafts compiled now as version 0 for {@code draft}, any other version
     * compiled now. Nothing is made live.
     *
     * @throws EditRefused.DoesNotCompile when the drafts (or an old version, e.g. with a plugin gone) do not compile
     */
    public CompiledRules compiled(String reference) {
        if (DRAFT.equals(reference)) {
            List<ObjectNode> documents = drafts.documents();
            if (documents.isEmpty()) {
                throw new EditRefused.NotFound("There are no draft rule sets");
            }
            return compiler.compile(documents, 0);
        }
        if (LIVE.equals(reference)) {
            Optional<CompiledRules> current = liveRules.current();
            if (current.isPresent()) {
                return current.get();
            }
        }
        Version version = resolve(reference);
        Optional<CompiledRules> kept = liveRules.kept(version.number());
        return kept.orElseGet(() -> compiler.compile(version.ruleSets(), version.number()));
    }

    private String label(String reference) {
        return LIVE.equals(reference) ? LIVE + " (" + resolve(reference).number() + ")" : reference;
    }

    /** Every version, newest first. */
    public List<VersionSummary> list() {
        return store.summaries();
    }

    /** The newest publication, if any version was ever made live. */
    public Optional<Publication> live() {
        return store.latestPublication();
    }

    /** The newest publications, newest first. */
    public List<Publication> publications(int limit) {
        return store.publications(limit);
    }

    public Version get(int number) {
        return store.find(number).orElseThrow(() -> new EditRefused.NotFound("There is no version " + number));
    }

    /** A version number, or {@code live}, as the version it names. */
    public Version resolve(String reference) {
        if (LIVE.equals(reference)) {
            Publication live = live().orElseThrow(() -> new EditRefused.NotFound("No version is live yet"));
            return get(live.version());
        }
        return get(number(reference));
    }

    /** The rule sets a reference names: a version's, the live version's, or the drafts. */
    public List<ObjectNode> ruleSets(String reference) {
        if (DRAFT.equals(reference)) {
            return drafts.documents();
        }
        return resolve(reference).ruleSets();
    }

    /** One rule set of a version. */
    public ObjectNode ruleSet(String reference, String name) {
        RuleSetShape.checkName(name, "rule set");
        Version version = resolve(reference);
        return version.ruleSets().stream().filter(set -> name.equals(set.path("ruleSet").asText())).findFirst()
                .orElseThrow(() -> new EditRefused.NotFound("Version " + version.number() + " has no rule set \""
                        + name + "\""));
    }

    /** A version number from a path segment; a clear message for anything else. */
    public static int number(String reference) {
        if (reference != null && reference.matches("[1-9][0-9]{0,8}")) {
            return Integer.parseInt(reference);
        }
        throw new EditRefused.NotFound("\"" + (reference == null ? "" : reference.length() > 20
                ? reference.substring(0, 20) + "…" : reference) + "\" is not a version: use a version number, \""
                + LIVE + "\" or (where drafts make sense) \"" + DRAFT + "\"");
    }
}
