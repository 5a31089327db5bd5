package io.callroute.bench;

import com.sun.management.OperatingSystemMXBean;
import io.callroute.event.CallEvent;
import io.callroute.store.Database;
import io.callroute.store.DecisionTrace;
import io.callroute.store.EventRecorder;
import io.callroute.store.RecordedEvent;
import io.callroute.webhook.CallEventReader;
import io.callroute.webhook.EnvelopeParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What the call log costs the server's CPU per webhook, without HTTP or rules in the way: the server's own
 * {@link EventRecorder} writes N answered CALL_ACTIONs (the generated bodies, their numbers, rules, menus and keys as
 * the webhook records them) into a fresh H2 file store migrated by the server's own Flyway scripts, and the process's
 * CPU time is divided by the rows written — the writer thread, H2's page serialisation and background writer, the
 * collector — less the thread that hands the events over. The machine's other jobs change the wall time, much less
 * the CPU time.
 *
 * <p>Usage: {@code CallLogWriteCost <rows> <folder for the store> [rows already in the table, default 100000]}.
 * The rows already in the table are written first (not measured): index upkeep costs more as the table grows.
 * {@code -Dsql="DROP INDEX …; …"} runs statements on the migrated store first, to try a schema change without a
 * migration.
 */
public final class CallLogWriteCost {

    private CallLogWriteCost() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        Path folder = Files.createDirectories(Path.of(args[1]));
        int preload = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        List<RecordedEvent> events = events(1 << 14);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Database database = Database.open("jdbc:h2:file:" + folder.toAbsolutePath() + "/callroute", null);
             EventRecorder recorder = new EventRecorder(database.dataSource(), registry, true)) {
            String sql = System.getProperty("sql");
            if (sql != null) {
                try (var c = database.dataSource().getConnection(); var st = c.createStatement()) {
                    for (String statement : sql.split(";")) {
                        st.execute(statement);
                    }
                }
            }
            write(recorder, registry, events, 0, preload);
            long written = preload;
            Map<String, Long> threadsBefore = threadCpu(threads);
            long cpuBefore = os.getProcessCpuTime();
            long mainBefore = threads.getCurrentThreadCpuTime();
            long wallBefore = System.nanoTime();
            write(recorder, registry, events, written, rows);
            long wall = System.nanoTime() - wallBefore;
            long cpu = os.getProcessCpuTime() - cpuBefore - (threads.getCurrentThreadCpuTime() - mainBefore);
            double dropped = registry.get("callroute.events.dropped").counter().count();
            System.out.printf(Locale.ROOT, "%d rows written after %d in %.1f s: %.0f µs CPU per row (all threads but"
                            + " the producer), %.0f rows/s; dropped %.0f%n", rows, preload, wall / 1e9,
                    cpu / 1_000.0 / rows, rows / (wall / 1e9), dropped);
            Map<String, Long> threadsAfter = threadCpu(threads);
            threadsAfter.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > cpu / 100)
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %-40s %6.0f µs per row%n", e.getKey(),
                            e.getValue() / 1_000.0 / rows));
            if (dropped > 0) {
                throw new IllegalStateException("the recorder dropped events; the figure is not a cost per row");
            }
        }
    }

    /** Hands {@code count} events to the recorder as fast as it writes them, and waits until all are written. */
    private static void write(EventRecorder recorder, SimpleMeterRegistry registry, List<RecordedEvent> events,
                              long before, long count) {
        for (long i = 0; i < count; i++) {
            while (recorder.backlog() > 4_000) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            RecordedEvent event = events.get((int) (i % events.size()));
            recorder.record(new RecordedEvent(Instant.now(), event.eventType(), event.eventId() + "-" + (before + i),
                    event.sessionId(), event.callStatus(), event.outcome(), event.ruleName(), event.fallbackReason(),
                    event.decisionMicros(), event.body(), event.maskingSession(), event.source(), event.destination(),
                    event.virtualNumber(), event.totalMicros(), event.trace()));
        }
        while (registry.get("callroute.events.recorded").counter().count()
                + registry.get("callroute.events.dropped").counter().count() < before + count) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** The generated CALL_ACTIONs as the webhook records them, answered by a rule of the generated rule base. */
    private static List<RecordedEvent> events(int count) {
        List<NumberPlan> plans = RuleSetGenerator.plans(1_000);
        EnvelopeParser parser = new EnvelopeParser();
        CallEventReader reader = new CallEventReader();
        List<RecordedEvent> events = new ArrayList<>();
        for (byte[] body : CallEventGenerator.events(plans, count, BenchRules.VERSION)) {
            CallEvent event = reader.read(parser.parse(body).payload());
            String ref = event.virtualNumberRefId();
            boolean firstRound = event.clientActionId() == null;
            String menuIn = firstRound ? null : event.clientActionId().substring(0, event.clientActionId().indexOf(':'));
            String rule = "bench-0000/" + ref + (firstRound ? "-open" : "-" + menuIn.replace("_menu", "") + "-other");
            DecisionTrace trace = new DecisionTrace(BenchRules.VERSION, rule, List.of(rule, "bench-0000/" + ref
                    + "-closed"), menuIn, firstRound ? "main_menu" : null,
                    DecisionTrace.dtmfOutcome(!firstRound, event.dtmf()), null, List.of());
            events.add(new RecordedEvent(Instant.now(), "CALL_ACTION", event.eventId(), event.sessionId(),
                    event.callStatus().name(), RecordedEvent.Outcome.ANSWERED, rule + "@v1", null, 150L,
                    new String(body, StandardCharsets.UTF_8), null, event.source(), event.destination(),
                    event.virtualNumber(), 400L, trace));
        }
        return events;
    }

    private static Map<String, Long> threadCpu(ThreadMXBean threads) {
        Map<String, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(id);
            long time = threads.getThreadCpuTime(id);
            if (info != null && time > 0) {
                cpu.merge(info.getThreadName().replaceAll("\\d+", "#"), time, Long::sum);
            }
        }
        return cpu;
    }
}
