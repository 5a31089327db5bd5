package io.callroute.publishing;

import static io.callroute.publishing.Lifecycle.ALICE;
import static io.callroute.publishing.Lifecycle.PAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.rules.CompiledRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publish checks: errors block unless a publisher overrides them with a reason (audited); warnings never block. */
class PublishChecksTest {

    @TempDir
    Path dir;

    private Lifecycle lifecycle;
    private final List<Finding> found = new ArrayList<>();
    private final List<Integer> checkedVersions = new ArrayList<>();

    @BeforeEach
    void open() {
        lifecycle = new Lifecycle(dir);
        lifecycle.publishing.checks().register(new PublishCheck() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public List<Finding> check(CompiledRules candidate) {
                checkedVersions.add(candidate.version());
                return List.copyOf(found);
            }
        });
        lifecycle.drafts().create(ALICE, office());
    }

    @AfterEach
    void close() {
        lifecycle.close();
    }

    private static ObjectNode office() {
        return Lifecycle.yaml("""
                ruleSet: office
                defaultZone: Asia/Singapore
                defaults: { say: { voiceProfile: en-US-BenjaminRUS } }
                rules:
                  - id: welcome
                    when: { callStatus: CALL_RECEIVED }
                    then: { steps: [ { say: { text: "Hello" } } ] }
                """);
    }

    private static Finding finding(Finding.Severity severity, String code) {
        return new Finding("fake", severity, code, "The fake check says " + code + ".", "office", "welcome", null);
    }

    @Test
    void anErrorBlocksThePublishAndNothingChanges() {
        found.add(finding(Finding.Severity.WARNING, "overlap"));
        found.add(finding(Finding.Severity.ERROR, "gap"));
        assertThatThrownBy(() -> lifecycle.publisher().publish(PAT, "try"))
                .isInstanceOfSatisfying(EditRefused.Blocked.class, blocked -> {
                    assertThat(blocked.getMessage()).contains("1 error(s)").contains("The fake check says gap.")
                            .contains("override");
                    assertThat(blocked.findings()).extracting(Finding::code).containsExactly("gap", "overlap");
                });
        assertThat(checkedVersions).as("the checks saw the version about to be published").containsExactly(1);
        assertThat(lifecycle.versions().list()).isEmpty();
        assertThat(lifecycle.live.current()).isEmpty();
        assertThat(lifecycle.audit).extracting(Lifecycle.Audited::action).containsExactly("draft.created");
    }

    @Test
    void anOverrideWithAReasonPublishesAndIsAudited() {
        found.add(finding(Finding.Severity.ERROR, "gap"));
        Published published = lifecycle.publisher().publish(PAT, "urgent", "Sunday line is closed on purpose");
        assertThat(published.version().number()).isEqualTo(1);
        assertThat(published.override()).isEqualTo("Sunday line is closed on purpose");
        assertThat(published.findings()).extracting(Finding::code).containsExactly("gap");
        assertThat(lifecycle.live.current()).map(CompiledRules::version).contains(1);
        Lifecycle.Audited override = lifecycle.audit.get(lifecycle.audit.size() - 1);
        assertThat(override.action()).isEqualTo("version.override");
        assertThat(override.actor()).isEqualTo("pat");
        assertThat(override.after()).contains("Sunday line is closed on purpose").contains("gap");
    }

    @Test
    void warningsNeverBlockAndAreReturned() {
        found.add(finding(Finding.Severity.WARNING, "shadowed"));
        Published published = lifecycle.publisher().publish(PAT, null, null);
        assertThat(published.override()).isNull();
        assertThat(published.findings()).extracting(Finding::code).containsExactly("shadowed");
        assertThat(lifecycle.audit).extracting(Lifecycle.Audited::action).doesNotContain("version.override");
    }

    @Test
    void aBlankOverrideIsRefused() {
        found.add(finding(Finding.Severity.ERROR, "gap"));
        assertThatThrownBy(() -> lifecycle.publisher().publish(PAT, null, " "))
                .isInstanceOfSatisfying(EditRefused.Invalid.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("$.override"));
    }

    @Test
    void aCheckThatFailsItselfBlocksRatherThanLettingRulesThrough() {
        lifecycle.publishing.checks().register(new PublishCheck() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<Finding> check(CompiledRules candidate) {
                throw new IllegalStateException("bug");
            }
        });
        assertThatThrownBy(() -> lifecycle.publisher().publish(PAT, null))
                .isInstanceOfSatisfying(EditRefused.Blocked.class, blocked -> assertThat(blocked.findings())
                        .extracting(Finding::code).containsExactly("check_failed"));
    }
}
