package io.callroute.publishing;

import static io.callroute.publishing.Lifecycle.ACTIONS;
import static io.callroute.publishing.Lifecycle.ALICE;
import static io.callroute.publishing.Lifecycle.PAT;
import static io.callroute.publishing.Lifecycle.office;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.actions.ActionRegistry;
import io.callroute.plugin.ActionProvider;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.LiveRules;
import io.callroute.store.ChangeFeed;
import io.callroute.store.Database;
import io.callroute.store.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes sharing one store, each with its own pool, live rules and change feed, as two servers would: what one
 * publishes or rolls back answers calls on the other within 2 seconds. On PostgreSQL the feed polls only once a
 * minute here, so the 2 seconds can only be kept by the notification; on H2 it polls every 200 ms, which is all
 * other databases have.
 */
class ClusterSyncTest {

    private static final Duration PROPAGATION_LIMIT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** One server's worth of the rule lifecycle over the shared store. */
    private final class Node {
        final Database database;
        final LiveRules live = new LiveRules();
        final Publishing publishing;
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final ChangeFeed feed;

        Node(ActionRegistry actions) {
            database = Database.open(TestDatabases.url(dir.resolve("db/callroute")), null);
            opened.add(database);
            publishing = new Publishing(database.dataSource(), actions, live, AuditSink.logOnly(), Clock.systemUTC());
            feed = new ChangeFeed(database, TestDatabases.isPostgres() ? Duration.ofMinutes(1)
                    : Duration.ofMillis(200));
            feed.follow(new PublicationFollower(publishing.publisher(), registry, Clock.systemUTC()));
            opened.add(0, feed);   // closed before its store
        }

        Node started() {
            feed.start();
            return this;
        }

        int liveVersion() {
            return live.current().map(CompiledRules::version).orElse(0);
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void aPublishOnOneNodeAnswersCallsOnTheOtherWithinTwoSeconds() {
        Node a = new Node(ACTIONS);
        Node b = new Node(ACTIONS);
        a.publishing.drafts().create(ALICE, office("office"));
        a.publishing.publisher().publish(PAT, "first");
        a.started();
        b.started();
        awaitOrFail(() -> b.liveVersion() == 1, "node b has version 1 live");

        for (int round = 0; round < 3; round++) {
            Node from = round % 2 == 0 ? a : b;
            Node to = from == a ? b : a;
            String etag = "\"" + from.publishing.drafts().get("office").revision() + "\"";
            from.publishing.drafts().replace(ALICE, "office", etag,
                    office("office").put("description", "round " + round));
            int number = from.publishing.publisher().publish(PAT, "round " + round).number();
            assertThat(from.liveVersion()).isEqualTo(number);
            Duration lag = awaitOrFail(() -> to.liveVersion() == number, "the other node has version " + number);
            assertThat(lag).as("version %d reached the other node in time", number).isLessThan(PROPAGATION_LIMIT);
        }
        // The lag is recorded just after the version went live; wait for the record, not just the version.
        awaitOrFail(() -> b.registry.get("callroute.sync.lag").timer().count() == 3,
                "b timed version 1 at its start, then rounds 0 and 2");
        assertThat(a.registry.get("callroute.sync.lag").timer().count()).as("a followed b's publish only")
                .isEqualTo(1);
    }

    @Test
    void aRollbackOnOneNodeIsFollowedByTheOther() {
        Node a = new Node(ACTIONS);
        a.publishing.drafts().create(ALICE, office("office"));
        a.publishing.publisher().publish(PAT, "1");
        a.publishing.drafts().create(ALICE, office("branch"));
        a.publishing.publisher().publish(PAT, "2");
        Node b = new Node(ACTIONS);
        a.started();
        b.started();
        awaitOrFail(() -> b.liveVersion() == 2, "node b has version 2 live");

        b.publishing.publisher().rollback(PAT, 1);

        awaitOrFail(() -> a.liveVersion() == 1, "node a rolled back to version 1 too");
        assertThat(a.live.current().orElseThrow().ruleSetCount()).isEqualTo(1);
    }

    @Test
    void aNodeThatIsUpToDateRecompilesNothing() {
        Node a = new Node(ACTIONS);
        a.publishing.drafts().create(ALICE, office("office"));
        a.publishing.publisher().publish(PAT, null);
        CompiledRules live = a.live.current().orElseThrow();

        assertThat(a.publishing.publisher().applyLatest()).as("its own publish is applied already").isEmpty();
        assertThat(a.live.current()).containsSame(live);

        Node restarted = new Node(ACTIONS);
        assertThat(restarted.publishing.publisher().loadLive()).isTrue();
        assertThat(restarted.publishing.publisher().applyLatest()).as("what loadLive made live").isEmpty();
    }

    @Test
    void aVersionThatDoesNotCompileOnTheOtherNodeLeavesItsRulesAnswering() {
        // Node b lacks the playFile action, as a node without a plugin the other node has would.
        ActionRegistry withoutPlayFile = ActionRegistry.of(ACTIONS.all().stream()
                .filter(provider -> !provider.id().equals("playFile")).toArray(ActionProvider[]::new));
        Node a = new Node(ACTIONS);
        Node b = new Node(withoutPlayFile);
        a.publishing.drafts().create(ALICE, office("office"));
        a.publishing.publisher().publish(PAT, null);
        assertThat(b.publishing.publisher().applyLatest()).map(Publication::version).contains(1);

        ObjectNode usesPlayFile = Lifecycle.yaml("""
                ruleSet: music
                rules:
                  - id: music
                    priority: 10
                    when: { callStatus: CALL_RECEIVED }
                    then:
                      steps:
                        - playFile: { fileUrl: "https://example.com/hold.wav" }
                """);
        a.publishing.drafts().create(ALICE, usesPlayFile);
        a.publishing.publisher().publish(PAT, null);

        assertThat(b.publishing.publisher().applyLatest()).as("version 2 does not compile on b").isEmpty();
        assertThat(b.liveVersion()).as("version 1 keeps answering on b").isEqualTo(1);
        assertThat(b.publishing.publisher().applyLatest()).as("and b does not try again every poll").isEmpty();
    }

    @Test
    void aListenerWhoseConnectionIsKilledListensAgainWithoutLosingAChange() throws Exception {
        assumeTrue(TestDatabases.isPostgres(), "notifications exist on PostgreSQL only");
        Node a = new Node(ACTIONS);
        Node b = new Node(ACTIONS);
        a.publishing.drafts().create(ALICE, office("office"));
        a.publishing.publisher().publish(PAT, null);
        b.started();
        awaitOrFail(() -> b.liveVersion() == 1, "node b has version 1 live");

        // As a database restart or a firewall dropping an idle connection would.
        try (Connection connection = a.database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE query LIKE 'LISTEN %' AND datname = current_database()");
        }
        a.publishing.drafts().create(ALICE, office("branch"));
        a.publishing.publisher().publish(PAT, null);

        Duration lag = awaitOrFail(() -> b.liveVersion() == 2, "node b has version 2 live");
        assertThat(lag).as("b listened again (it polls only once a minute)").isLessThan(PROPAGATION_LIMIT);
    }

    /** Waits up to 10 s for {@code condition}; returns how long it took. */
    private static Duration awaitOrFail(BooleanSupplier condition, String what) {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited 10 s in vain until " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
