package io.callroute.publishing;

import static io.callroute.publishing.Lifecycle.ALICE;
import static io.callroute.publishing.Lifecycle.BOB;
import static io.callroute.publishing.Lifecycle.json;
import static io.callroute.publishing.Lifecycle.office;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts against a real H2 store: CRUD, revisions, per-rule ETags, and the audit of each change. */
class DraftsTest {

    @TempDir
    Path dir;

    private Lifecycle lifecycle;
    private Drafts drafts;

    @BeforeEach
    void open() {
        lifecycle = new Lifecycle(dir);
        drafts = lifecycle.drafts();
    }

    @AfterEach
    void close() {
        lifecycle.close();
    }

    @Test
    void createReadUpdateDelete() {
        Saved created = drafts.create(ALICE, office("office"));
        assertThat(created.created()).isTrue();
        assertThat(created.draft().revision()).isEqualTo(1);
        assertThat(created.problems()).isEmpty();
        assertThat(drafts.get("office").document()).isEqualTo(office("office"));
        assertThat(drafts.list()).extracting(Draft::name).containsExactly("office");

        assertThatThrownBy(() -> drafts.create(BOB, office("office"))).isInstanceOf(EditRefused.AlreadyExists.class);

        ObjectNode changed = office("office").put("description", "Front desk");
        Saved updated = drafts.replace(ALICE, "office", "\"1\"", changed);
        assertThat(updated.draft().revision()).isEqualTo(2);
        assertThat(updated.draft().updatedBy()).isEqualTo("alice");
        assertThat(drafts.get("office").document().get("description").asText()).isEqualTo("Front desk");

        drafts.delete(ALICE, "office", "\"2\"");
        assertThatThrownBy(() -> drafts.get("office")).isInstanceOf(EditRefused.NotFound.class)
                .hasMessageContaining("office");
        assertThat(lifecycle.audit).extracting(Lifecycle.Audited::action)
                .containsExactly("draft.created", "draft.updated", "draft.deleted");
        assertThat(lifecycle.audit.get(1).before()).doesNotContain("Front desk");
        assertThat(lifecycle.audit.get(1).after()).contains("Front desk");
        assertThat(lifecycle.audit.get(2).after()).isNull();
    }

    @Test
    void aRuleMayNameAScheduleAnotherRuleSetDefinesButNotOneNoSetDefines() {
        ObjectNode hours = Lifecycle.yaml("""
                ruleSet: hours
                schedules:
                  sg-office: { zone: Asia/Singapore, hours: [ { days: MON-FRI, from: "09:00", to: "18:00" } ] }
                rules:
                  - id: hours-closed
                    when: { callStatus: CALL_RECEIVED, schedule: { name: sg-office, is: closed } }
                    then: { steps: [ { say: { text: "Closed.", voiceProfile: en-US-BenjaminRUS } }, hangup ] }
                """);
        assertThat(drafts.create(ALICE, hours).problems()).isEmpty();
        ObjectNode office = office("office");
        ((ObjectNode) office.get("rules").get(0).get("when")).remove("time");
        ((ObjectNode) office.get("rules").get(0).get("when")).put("schedule", "sg-office");

        assertThat(drafts.create(ALICE, office).problems()).isEmpty();

        ((ObjectNode) office.get("rules").get(0).get("when")).put("schedule", "nowhere");
        assertThat(drafts.replace(ALICE, "office", "\"1\"", office).problems())
                .singleElement().satisfies(problem -> {
                    assertThat(problem.ruleSet()).isEqualTo("office");
                    assertThat(problem.path()).isEqualTo("$.rules[0].when.schedule");
                });
    }

    @Test
    void twoEditorsSavingTheSameRuleSetOneWinsTheOtherGets409WithTheCurrentState() {
        drafts.create(ALICE, office("office"));
        String etagBothRead = drafts.get("office").etag();

        ObjectNode alices = office("office").put("description", "Alice's change");
        ObjectNode bobs = office("office").put("description", "Bob's change");
        drafts.replace(ALICE, "office", etagBothRead, alices);
        EditRefused.Stale conflict = catchThrowableOfType(EditRefused.Stale.class,
                () -> drafts.replace(BOB, "office", etagBothRead, bobs));

        assertThat(conflict).isNotNull();
        assertThat(conflict.current()).isEqualTo(alices);
        assertThat(conflict.currentEtag()).isEqualTo("\"2\"");
        assertThat(conflict.getMessage()).contains("alice").contains("revision 2");
        // Nothing lost: Alice's save is there, and Bob can save on top of it with the ETag he was given.
        assertThat(drafts.get("office").document()).isEqualTo(alices);
        drafts.replace(BOB, "office", conflict.currentEtag(), bobs.put("note", "merged"));
        assertThat(drafts.get("office").revision()).isEqualTo(3);
    }

    @Test
    void editsNeedIfMatch() {
        drafts.create(ALICE, office("office"));
        assertThatThrownBy(() -> drafts.replace(ALICE, "office", null, office("office")))
                .isInstanceOf(EditRefused.PreconditionMissing.class);
        assertThatThrownBy(() -> drafts.replace(ALICE, "office", "*", office("office")))
                .isInstanceOf(EditRefused.Invalid.class);
        assertThatThrownBy(() -> drafts.delete(ALICE, "office", "\"7\"")).isInstanceOf(EditRefused.Stale.class);
    }

    @Test
    void perRuleLockingLetsEditorsOfDifferentRulesBothSaveButNotOfTheSameRule() {
        drafts.create(ALICE, office("office"));
        String openTag = drafts.rule("office", "open").etag();
        String closedTag = drafts.rule("office", "closed").etag();

        ObjectNode alicesOpen = drafts.rule("office", "open").rule().deepCopy().put("priority", 25);
        ObjectNode bobsClosed = drafts.rule("office", "closed").rule().deepCopy().put("priority", 5);
        ObjectNode bobsOpen = drafts.rule("office", "open").rule().deepCopy().put("description", "Bob");

        Saved alice = drafts.replaceRule(ALICE, "office", "open", openTag, alicesOpen);
        Saved bob = drafts.replaceRule(BOB, "office", "closed", closedTag, bobsClosed);
        assertThat(bob.draft().revision()).isEqualTo(3);
        EditRefused.Stale conflict = catchThrowableOfType(EditRefused.Stale.class,
                () -> drafts.replaceRule(BOB, "office", "open", openTag, bobsOpen));

        assertThat(conflict.current()).isEqualTo(alicesOpen);
        assertThat(conflict.currentEtag()).isEqualTo(alice.ruleEtag());
        assertThat(drafts.rule("office", "open").rule()).isEqualTo(alicesOpen);
        assertThat(drafts.rule("office", "closed").rule()).isEqualTo(bobsClosed);
        assertThatThrownBy(() -> drafts.deleteRule(BOB, "office", "open", openTag))
                .isInstanceOf(EditRefused.Stale.class);
        assertThat(lifecycle.audit).extracting(Lifecycle.Audited::target)
                .contains("rule:office/open", "rule:office/closed");
    }

    @Test
    void rulesAreAddedRenamedAndDeleted() {
        drafts.create(ALICE, office("office"));
        ObjectNode holiday = json("""
                {"id": "holiday", "priority": 40, "when": {"time": {"dates": ["2026-12-25"]}},
                 "then": {"steps": [{"say": {"text": "Merry Christmas."}}, "hangup"]}}""");
        Saved added = drafts.createRule(ALICE, "office", holiday);
        assertThat(added.created()).isTrue();
        assertThat(drafts.rules("office")).extracting(rule -> rule.rule().get("id").asText())
                .containsExactly("open", "closed", "holiday");
        assertThatThrownBy(() -> drafts.createRule(BOB, "office", holiday))
                .isInstanceOf(EditRefused.AlreadyExists.class);

        Saved renamed = drafts.replaceRule(ALICE, "office", "holiday", added.ruleEtag(),
                holiday.deepCopy().put("id", "christmas"));
        assertThat(renamed.ruleId()).isEqualTo("christmas");
        assertThatThrownBy(() -> drafts.rule("office", "holiday")).isInstanceOf(EditRefused.NotFound.class);

        drafts.deleteRule(ALICE, "office", "christmas", renamed.ruleEtag());
        assertThat(drafts.rules("office")).hasSize(2);
    }

    @Test
    void draftsWithProblemsAreSavedAndTheProblemsReportedWithJsonPaths() {
        ObjectNode broken = office("office");
        ((ObjectNode) broken.get("rules").get(1).get("when")).putObject("time").put("from", "25:00");
        Saved saved = drafts.create(ALICE, broken);
        assertThat(saved.problems()).anySatisfy(problem -> {
            assertThat(problem.ruleSet()).isEqualTo("office");
            assertThat(problem.ruleId()).isEqualTo("closed");
            assertThat(problem.path()).isEqualTo("$.rules[1].when.time.from");
            assertThat(problem.message()).contains("25:00");
        });
        assertThat(drafts.validate()).extracting(Problem::path).contains("$.rules[1].when.time.from");
    }

    @Test
    void documentsOfTheWrongShapeAreRefusedNamingTheField() {
        assertThat(catchThrowableOfType(EditRefused.Invalid.class,
                () -> drafts.create(ALICE, json("{\"rules\": []}"))).field()).isEqualTo("$.ruleSet");
        assertThat(catchThrowableOfType(EditRefused.Invalid.class,
                () -> drafts.create(ALICE, json("{\"ruleSet\": \"x\", \"rules\": {}}"))).field())
                .isEqualTo("$.rules");
        assertThat(catchThrowableOfType(EditRefused.Invalid.class,
                () -> drafts.create(ALICE, json("{\"ruleSet\": \"x\", \"rules\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}")))
                .field()).isEqualTo("$.rules[1].id");
        assertThat(catchThrowableOfType(EditRefused.Invalid.class,
                () -> drafts.create(ALICE, json("{\"ruleSet\": \"x\", \"rules\": [{\"when\": {}}]}"))).field())
                .isEqualTo("$.rules[0].id");
        drafts.create(ALICE, office("office"));
        assertThat(catchThrowableOfType(EditRefused.Invalid.class,
                () -> drafts.replace(ALICE, "office", "\"1\"", office("other"))).field()).isEqualTo("$.ruleSet");
        assertThat(catchThrowableOfType(EditRefused.Invalid.class, () -> drafts.get("no such/name")).malformed())
                .isTrue();
    }

    @Test
    void aDocumentWithoutItsNameGetsItAsFirstKey() {
        drafts.create(ALICE, office("office"));
        ObjectNode unnamed = office("office");
        unnamed.remove("ruleSet");
        drafts.replace(ALICE, "office", "\"1\"", unnamed);
        assertThat(drafts.get("office").document().fieldNames().next()).isEqualTo("ruleSet");
    }
}
