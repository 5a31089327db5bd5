package io.callroute.publishing;

import static io.callroute.publishing.Lifecycle.ALICE;
import static io.callroute.publishing.Lifecycle.PAT;
import static io.callroute.publishing.Lifecycle.office;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.rules.CompiledRules;
import io.callroute.store.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publish, rollback, diff and start-up against a real store (TestDatabases) and the real compiler. */
class PublisherTest {

    @TempDir
    Path dir;

    private Lifecycle lifecycle;

    @BeforeEach
    void open() {
        lifecycle = new Lifecycle(dir);
    }

    @AfterEach
    void close() {
        lifecycle.close();
    }

    @Test
    void publishCreatesTheNextVersionAndMakesItLive() {
        lifecycle.drafts().create(ALICE, office("office"));
        VersionSummary first = lifecycle.publisher().publish(PAT, "opening hours");
        assertThat(first.number()).isEqualTo(1);
        assertThat(lifecycle.live.current()).map(CompiledRules::version).contains(1);

        ObjectNode changed = office("office").put("description", "changed");
        lifecycle.drafts().replace(ALICE, "office", "\"1\"", changed);
        VersionSummary second = lifecycle.publisher().publish(PAT, null);
        assertThat(second.number()).isEqualTo(2);
        assertThat(lifecycle.live.current()).map(CompiledRules::version).contains(2);
        assertThat(lifecycle.versions().live()).map(Publication::version).contains(2);
        assertThat(lifecycle.versions().list()).extracting(VersionSummary::number).containsExactly(2, 1);
        assertThat(lifecycle.versions().get(1).comment()).isEqualTo("opening hours");
        assertThat(lifecycle.versions().get(1).createdBy()).isEqualTo("pat");
        assertThat(lifecycle.versions().get(2).ruleSets()).containsExactly(changed);
        assertThat(lifecycle.audit).extracting(Lifecycle.Audited::action).endsWith("version.published");
        assertThat(lifecycle.audit.get(lifecycle.audit.size() - 1).before()).isEqualTo("{\"liveVersion\":1}");
    }

    @Test
    void aDraftThatDoesNotCompileNeverGoesLiveAndNothingIsWritten() {
        lifecycle.drafts().create(ALICE, office("office"));
        lifecycle.publisher().publish(PAT, null);
        ObjectNode broken = office("office");
        ((ObjectNode) broken.get("rules").get(0).get("when").get("time")).put("from", "25:00");
        lifecycle.drafts().replace(ALICE, "office", "\"1\"", broken);

        EditRefused.DoesNotCompile refused = catchThrowableOfType(EditRefused.DoesNotCompile.class,
                () -> lifecycle.publisher().publish(PAT, null));

        assertThat(refused.problems()).extracting(Problem::path).containsExactly("$.rules[0].when.time.from");
        assertThat(refused.problems().get(0).ruleId()).isEqualTo("open");
        assertThat(lifecycle.versions().list()).hasSize(1);
        assertThat(lifecycle.live.current()).map(CompiledRules::version).contains(1);
        assertThat(lifecycle.audit).extracting(Lifecycle.Audited::action).doesNotContainSequence("version.published",
                "version.published");
    }

    @Test
    void rollbackRepublishesAnEarlierVersionUnderItsOwnNumber() {
        lifecycle.drafts().create(ALICE, office("office"));
        lifecycle.publisher().publish(PAT, null);
        lifecycle.drafts().replace(ALICE, "office", "\"1\"", office("office").put("description", "v2"));
        lifecycle.publisher().publish(PAT, null);

        Publication rollback = lifecycle.publisher().rollback(PAT, 1);

        assertThat(rollback.kind()).isEqualTo(Publication.ROLLBACK);
        assertThat(rollback.version()).isEqualTo(1);
        assertThat(lifecycle.live.current()).map(CompiledRules::version).contains(1);
        assertThat(lifecycle.versions().live()).map(Publication::version).contains(1);
        assertThat(lifecycle.versions().list()).hasSize(2);
        assertThat(lifecycle.drafts().get("office").document().get("description").asText())
                .as("drafts are left alone").isEqualTo("v2");
        assertThatThrownBy(() -> lifecycle.publisher().rollback(PAT, 1))
                .isInstanceOf(EditRefused.AlreadyExists.class);
        assertThatThrownBy(() -> lifecycle.publisher().rollback(PAT, 9)).isInstanceOf(EditRefused.NotFound.class);
        assertThat(lifecycle.audit).extracting(Lifecycle.Audited::action).endsWith("version.rolled_back");
        assertThat(lifecycle.publisher().publish(PAT, null).number()).as("numbers never repeat").isEqualTo(3);
    }

    @Test
    void diffReportsRuleSetsAndRulesAddedRemovedChangedAndReordered() {
        lifecycle.drafts().create(ALICE, office("office"));
        lifecycle.drafts().create(ALICE, office("gone"));
        lifecycle.publisher().publish(PAT, null);

        ObjectNode office = office("office").put("defaultZone", "Europe/London");
        ((ObjectNode) office.get("rules").get(0).get("when").get("time")).put("from", "10:00");
        JsonNode closed = office.get("rules").get(1);
        ((com.fasterxml.jackson.databind.node.ArrayNode) office.get("rules")).remove(1);
        ((com.fasterxml.jackson.databind.node.ArrayNode) office.get("rules")).insert(0, closed);
        ((com.fasterxml.jackson.databind.node.ArrayNode) office.get("rules")).addObject().put("id", "extra");
        lifecycle.drafts().replace(ALICE, "office", "\"1\"", office);
        lifecycle.drafts().delete(ALICE, "gone", "\"1\"");
        lifecycle.drafts().create(ALICE, office("new"));

        JsonNode diff = lifecycle.versions().diff("live", "draft");

        assertThat(diff.get("identical").asBoolean()).isFalse();
        assertThat(diff.get("ruleSetsAdded")).containsExactly(text("new"));
        assertThat(diff.get("ruleSetsRemoved")).containsExactly(text("gone"));
        JsonNode changed = diff.get("ruleSetsChanged").get(0);
        assertThat(changed.get("name").asText()).isEqualTo("office");
        assertThat(changed.get("changes").get(0).get("path").asText()).isEqualTo("$.defaultZone");
        assertThat(changed.get("changes").get(0).get("before").asText()).isEqualTo("Asia/Singapore");
        assertThat(changed.get("rulesAdded")).containsExactly(text("extra"));
        JsonNode open = changed.get("rulesChanged").get(0);
        assertThat(open.get("id").asText()).isEqualTo("open");
        assertThat(open.get("changes")).hasSize(1);
        assertThat(open.get("changes").get(0).get("field").asText()).isEqualTo("when.time.from");
        assertThat(open.get("changes").get(0).get("path").asText()).isEqualTo("$.rules[1].when.time.from");
        assertThat(open.get("changes").get(0).get("before").asText()).isEqualTo("09:00");
        assertThat(open.get("changes").get(0).get("after").asText()).isEqualTo("10:00");
        assertThat(changed.get("ruleOrderChanged").get("after")).containsExactly(text("closed"), text("open"));

        assertThat(lifecycle.versions().diff("1", "1").get("identical").asBoolean()).isTrue();
    }

    @Test
    void firstStartImportsTheRuleFilesAndPublishesVersionOneThenLaterStartsLoadTheStore() throws Exception {
        Path url = dir.resolve("second");
        try (Lifecycle first = new Lifecycle(url)) {
            assertThat(first.publishing.startUp(Lifecycle.rulesDir())).isTrue();
            assertThat(first.live.current()).map(CompiledRules::version).contains(1);
            assertThat(first.drafts().list()).extracting(Draft::name)
                    .containsExactly("inbound-ivr", "number-masking", "two-level-menu");
            assertThat(first.versions().get(1).createdBy()).isEqualTo("system");
        }
        try (Lifecycle again = new Lifecycle(url)) {
            Path empty = Files.createDirectories(dir.resolve("empty"));
            assertThat(again.publishing.startUp(empty)).isTrue();
            assertThat(again.live.current()).map(CompiledRules::version).contains(1);
            assertThat(again.live.current().orElseThrow().ruleCount()).isGreaterThan(10);
            assertThat(again.versions().list()).hasSize(1);
        }
    }

    @Test
    void rulesThatDoNotCompileAtFirstStartStayDraftsAndNothingGoesLive() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("broken-rules"));
        Files.writeString(rules.resolve("late.yaml"), """
                ruleSet: late
                rules:
                  - id: late-night
                    when: { time: { from: "25:00", to: "06:00" } }
                    then: { steps: [ hangup ] }
                """);
        try (Lifecycle broken = new Lifecycle(dir.resolve("broken-db"))) {
            assertThat(broken.publishing.startUp(rules)).isFalse();
            assertThat(broken.live.current()).isEmpty();
            assertThat(broken.live.loadProblems()).anySatisfy(problem ->
                    assertThat(problem).contains("late-night").contains("$.rules[0].when.time.from"));
            assertThat(broken.drafts().list()).extracting(Draft::name).containsExactly("late");
            assertThat(broken.versions().list()).isEmpty();
        }
    }

    @Test
    void concurrentPublishesGetDistinctNumbers() throws Exception {
        lifecycle.drafts().create(ALICE, office("office"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<VersionSummary>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(pool.submit(() -> lifecycle.publisher().publish(PAT, null)));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<VersionSummary> result : results) {
                numbers.add(result.get().number());
            }
            assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3);
            assertThat(lifecycle.live.current()).map(CompiledRules::version).contains(3);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Two nodes on one database: this one reads the newest number, and the other publishes that number before this
     * one writes it. The version's primary key refuses the second; it is a conflict, and nothing is written or
     * made live by it.
     */
    @Test
    void aNumberAnotherNodePublishedFirstIsAConflictAndNothingChanges() {
        lifecycle.drafts().create(ALICE, office("office"));
        try (Lifecycle otherNode = new Lifecycle(dir)) {
            lifecycle.publishing.checks().register(onceWhilePublishing(
                    () -> otherNode.publisher().publish(PAT, "theirs")));

            EditRefused.VersionTaken refused = catchThrowableOfType(EditRefused.VersionTaken.class,
                    () -> lifecycle.publisher().publish(PAT, "ours"));

            assertThat(refused.number()).isEqualTo(1);
            assertThat(refused).hasMessageContaining("another node").hasMessageContaining("publish again");
            assertThat(lifecycle.versions().list()).extracting(VersionSummary::comment).containsExactly("theirs");
            assertThat(lifecycle.versions().live()).map(Publication::version).contains(1);
            assertThat(otherNode.live.current()).map(CompiledRules::version).contains(1);
            assertThat(lifecycle.live.current()).as("nothing went live here").isEmpty();
            assertThat(lifecycle.audit).extracting(Lifecycle.Audited::action).doesNotContain("version.published");

            assertThat(lifecycle.publisher().publish(PAT, "ours again").number()).as("the next number is free")
                    .isEqualTo(2);
        }
    }

    /** Two nodes starting together on an empty database both import the rule files and try to publish version 1. */
    @Test
    void aNodeThatStartsWhileAnotherPublishesVersionOneMakesThatVersionLive() {
        try (Lifecycle otherNode = new Lifecycle(dir)) {
            lifecycle.publishing.checks().register(onceWhilePublishing(
                    () -> otherNode.publishing.startUp(Lifecycle.rulesDir())));

            assertThat(lifecycle.publishing.startUp(Lifecycle.rulesDir())).isTrue();

            assertThat(otherNode.live.current()).map(CompiledRules::version).contains(1);
            assertThat(lifecycle.live.current()).map(CompiledRules::version).contains(1);
            assertThat(lifecycle.live.current().orElseThrow().ruleCount())
                    .isEqualTo(otherNode.live.current().orElseThrow().ruleCount()).isGreaterThan(10);
            assertThat(lifecycle.versions().list()).hasSize(1);
        }
    }

    /** A publish check that runs {@code otherNode} the first time, between reading the number and writing it. */
    private static PublishCheck onceWhilePublishing(Runnable otherNode) {
        AtomicBoolean ran = new AtomicBoolean();
        return new PublishCheck() {
            @Override
            public String name() {
                return "otherNode";
            }

            @Override
            public List<Finding> check(CompiledRules candidate) {
                if (ran.compareAndSet(false, true)) {
                    otherNode.run();
                }
                return List.of();
            }
        };
    }

    @Test
    void theDrlOfAVersionCanBeInspected() {
        lifecycle.drafts().create(ALICE, office("office"));
        lifecycle.publisher().publish(PAT, null);
        assertThat(lifecycle.versions().drl("1")).contains("rule \"");
        assertThat(lifecycle.versions().drl("live")).isEqualTo(lifecycle.live.current().orElseThrow().drl());
        assertThatThrownBy(() -> lifecycle.versions().drl("nope")).isInstanceOf(EditRefused.NotFound.class);
    }

    @Test
    void ruleSetsOfTheV1SchemaBecomeDraftsAndArePublishedAsVersionOne() throws Exception {
        assumeTrue(TestDatabases.isH2(), "schema V1 existed on H2 only");
        Path db = dir.resolve("upgraded");
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + db.resolve("db/callroute"));
        org.flywaydb.core.Flyway.configure().dataSource(h2).locations("classpath:db/migration").target("1").load()
                .migrate();
        String yaml = Files.readString(Lifecycle.rulesDir().resolve("number-masking.yaml"));
        try (java.sql.Connection connection = h2.getConnection();
             java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO rule_set (name, source_yaml,"
                     + " origin, created_at, updated_at) VALUES ('number-masking', ?, NULL, NOW(), NOW())")) {
            insert.setString(1, yaml);
            insert.executeUpdate();
        }
        try (Lifecycle upgraded = new Lifecycle(db)) {
            assertThat(upgraded.publishing.startUp(Lifecycle.rulesDir())).isTrue();
            assertThat(upgraded.drafts().list()).extracting(Draft::name).containsExactly("number-masking");
            assertThat(upgraded.drafts().get("number-masking").document()).isEqualTo(Lifecycle.yaml(yaml));
            assertThat(upgraded.live.current()).map(CompiledRules::version).contains(1);
        }
    }

    private static JsonNode text(String value) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
    }
}
