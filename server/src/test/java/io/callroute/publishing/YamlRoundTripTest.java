package io.callroute.publishing;

import static io.callroute.publishing.Lifecycle.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.rules.RuleFiles;
import io.callroute.rules.RuleSetSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML export → import → export gives the same bytes, for every shipped rule file and for awkward values. */
class YamlRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void exportImportExportIsByteIdenticalForEveryShippedRuleFile() {
        List<RuleSetSource> files = RuleFiles.read(Lifecycle.rulesDir());
        assertThat(files).hasSize(3);
        try (Lifecycle lifecycle = new Lifecycle(dir)) {
            Drafts drafts = lifecycle.drafts();
            for (RuleSetSource file : files) {
                Saved imported = drafts.importYaml(ALICE, file.name(), null, file.yaml());
                assertThat(imported.problems()).as(file.name()).isEmpty();
                String exported = drafts.exportYaml(file.name());

                drafts.importYaml(ALICE, file.name(), imported.draft().etag(), exported);
                String again = drafts.exportYaml(file.name());

                assertThat(again).as(file.name()).isEqualTo(exported);
                assertThat(CanonicalYaml.parse(exported)).as(file.name() + " means what the file means")
                        .isEqualTo(CanonicalYaml.parse(file.yaml()));
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void valuesThatLookLikeNumbersTimesOrBooleansStayQuotedStrings() throws Exception {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        String[] awkward = {"09:00", "24:00", "+6531580001", "007", "1", "1.0", "2026-12-24", "yes", "no", "on", "off",
            "true", "null", "~", "NaN", ".inf", "+65*", "${virtualNumber}", "[0-9]{4}", "a: b", "#x", "- x", "",
            " lead", "trail ", "two\nlines", "ends with newline\n", "é ü 中", "*", "@x", "%x", "!x", "&x", "0x1F"};
        for (int i = 0; i < awkward.length; i++) {
            values.put("k" + i, awkward[i]);
        }
        values.put("number", 30).put("decimal", 1.5).put("flag", false).putNull("nothing");
        String yaml = CanonicalYaml.write(values);

        JsonNode back = CanonicalYaml.parse(yaml);
        assertThat(back).isEqualTo(values);
        assertThat(CanonicalYaml.write(back)).isEqualTo(yaml);
        assertThat(yaml).contains("k0: \"09:00\"").contains("k2: \"+6531580001\"").contains("k3: \"007\"")
                .contains("number: 30");
    }

    @Test
    void anImportIsCheckedLikeAnyEdit() {
        try (Lifecycle lifecycle = new Lifecycle(dir)) {
            Drafts drafts = lifecycle.drafts();
            assertThat(catchThrowableOfType(EditRefused.Invalid.class,
                    () -> drafts.importYaml(ALICE, "x", null, "rules: [ unclosed")).malformed()).isTrue();
            assertThat(catchThrowableOfType(EditRefused.Invalid.class,
                    () -> drafts.importYaml(ALICE, "x", null, "ruleSet: y\nrules: []\n")).field())
                    .isEqualTo("$.ruleSet");
            Saved saved = drafts.importYaml(ALICE, "x", null, """
                    rules:
                      - id: bad
                        when: { time: { from: "25:00" } }
                        then: { steps: [ hangup ] }
                    """);
            assertThat(saved.created()).isTrue();
            assertThat(saved.problems()).extracting(Problem::path).contains("$.rules[0].when.time.from");
            assertThat(catchThrowableOfType(EditRefused.PreconditionMissing.class,
                    () -> drafts.importYaml(ALICE, "x", null, "rules: []\n"))).isNotNull();
            assertThat(lifecycle.audit).extracting(Lifecycle.Audited::action).containsExactly("draft.imported");
        }
    }
}
