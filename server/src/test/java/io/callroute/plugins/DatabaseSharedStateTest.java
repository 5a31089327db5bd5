package io.callroute.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.store.Database;
import io.callroute.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compare-and-set over the real store: exactly one of several racing writers wins each step, per plugin. */
class DatabaseSharedStateTest {

    @TempDir
    Path temp;

    @Test
    void compareAndSetIsConditionalAndScopedToThePlugin() throws Exception {
        try (Database database = TestDatabases.open(temp.resolve("db/state"), null)) {
            DatabaseSharedState pool = new DatabaseSharedState(database.dataSource(), "pool", Clock.systemUTC());
            DatabaseSharedState other = new DatabaseSharedState(database.dataSource(), "other", Clock.systemUTC());
            assertThat(pool.get("turn")).isEmpty();
            assertThat(pool.compareAndSet("turn", null, "agent-1")).isTrue();
            assertThat(pool.compareAndSet("turn", null, "agent-2")).as("exists already").isFalse();
            assertThat(pool.compareAndSet("turn", "agent-9", "agent-2")).as("wrong expectation").isFalse();
            assertThat(pool.compareAndSet("turn", "agent-1", "agent-2")).isTrue();
            assertThat(pool.get("turn")).contains("agent-2");
            assertThat(other.get("turn")).isEmpty();
            assertThat(pool.compareAndSet("turn", "agent-2", null)).as("removal").isTrue();
            assertThat(pool.get("turn")).isEmpty();

            // Eight writers increment one counter 25 times each with read-CAS loops: no update is lost.
            pool.compareAndSet("count", null, "0");
            AtomicInteger retries = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        while (true) {
                            String seen = pool.get("count").orElseThrow();
                            if (pool.compareAndSet("count", seen, String.valueOf(Integer.parseInt(seen) + 1))) {
                                break;
                            }
                            retries.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(30, TimeUnit.SECONDS);
            }
            writers.shutdown();
            assertThat(pool.get("count")).contains("200");
        }
    }
}
