package io.callroute.publishing;

import static io.callroute.publishing.Lifecycle.ACTIONS;
import static io.callroute.publishing.Lifecycle.ALICE;
import static io.callroute.publishing.Lifecycle.PAT;
import static io.callroute.publishing.Lifecycle.office;
import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.actions.ActionRegistry;
import io.callroute.plugin.ActionProvider;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.LiveRules;
import io.callroute.store.Database;
import io.callroute.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that restarted (or never saw a version) compiles the versions calls are pinned to from the shared store,
 * once each however many calls ask at the same time.
 */
class PinnedVersionLoaderTest {

    @TempDir
    Path dir;

    private Lifecycle publisher;
    private Database otherStore;
    private Publishing other;
    private final LiveRules otherLive = new LiveRules();

    @BeforeEach
    void publishThreeVersionsThenStartAnotherNode() {
        publisher = new Lifecycle(dir);
        publisher.drafts().create(ALICE, office("office"));
        publisher.publisher().publish(PAT, "1");
        publisher.drafts().create(ALICE, office("branch"));
        publisher.publisher().publish(PAT, "2");
        publisher.drafts().create(ALICE, office("depot"));
        publisher.publisher().publish(PAT, "3");
        otherStore = Database.open(TestDatabases.url(dir.resolve("db/callroute")), null);
        other = new Publishing(otherStore.dataSource(), ACTIONS, otherLive, AuditSink.logOnly(), Clock.systemUTC());
        assertThat(other.publisher().loadLive()).isTrue();   // only version 3 is compiled there
    }

    @AfterEach
    void close() {
        other.close();
        otherStore.close();
        publisher.close();
    }

    @Test
    void aVersionTheNodeLacksIsCompiledFromTheStoreAndKept() throws Exception {
        assertThat(otherLive.kept(1)).isEmpty();

        Optional<CompiledRules> loaded = other.pinnedVersions().load(1).get(30, TimeUnit.SECONDS);

        assertThat(loaded).map(CompiledRules::version).contains(1);
        assertThat(loaded.orElseThrow().ruleSetCount()).isEqualTo(1);
        assertThat(otherLive.kept(1)).as("kept for the call's next rounds").containsSame(loaded.orElseThrow());
        assertThat(otherLive.current()).map(CompiledRules::version).as("not made live").contains(3);
        assertThat(other.pinnedVersions().load(1).getNow(Optional.empty())).as("answered at once from now on")
                .containsSame(loaded.orElseThrow());
    }

    @Test
    void callsAskingTogetherShareOneLoad() throws Exception {
        List<CompletableFuture<Optional<CompiledRules>>> asked = IntStream.range(0, 20)
                .mapToObj(i -> other.pinnedVersions().load(2)).toList();
        List<CompiledRules> results = asked.stream().map(future -> future.join().orElseThrow()).toList();
        assertThat(results).as("one compile for all").allSatisfy(rules -> assertThat(rules).isSameAs(results.get(0)));
        assertThat(results.get(0).version()).isEqualTo(2);
    }

    @Test
    void aVersionThatDoesNotExistOrDoesNotCompileIsNoVersionAndIsNotTriedAgain() throws Exception {
        assertThat(other.pinnedVersions().load(99).get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(other.pinnedVersions().load(99).isDone()).as("remembered as missing").isTrue();

        // A node without the say action cannot compile the office rule sets.
        ActionRegistry withoutSay = ActionRegistry.of(ACTIONS.all().stream()
                .filter(provider -> !provider.id().equals("say")).toArray(ActionProvider[]::new));
        try (Publishing lacking = new Publishing(otherStore.dataSource(), withoutSay, new LiveRules(),
                AuditSink.logOnly(), Clock.systemUTC())) {
            assertThat(lacking.pinnedVersions().load(1).get(30, TimeUnit.SECONDS)).isEmpty();
            assertThat(lacking.pinnedVersions().load(1).isDone()).isTrue();
        }
    }

    @Test
    void aClosedLoaderLoadsNothing() throws Exception {
        other.close();
        assertThat(other.pinnedVersions().load(1).get(1, TimeUnit.SECONDS)).isEmpty();
    }
}
