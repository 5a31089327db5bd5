package io.callroute.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Heap after load: the live heap once {@code rules} generated rules are compiled and live and 16,384 calls have
 * been answered through the webhook's service (its answer cache full, as in a busy server), measured after full
 * garbage collections. Also the heap of the same JVM before the rules were built, so the rules' own share shows.
 *
 * <p>Usage: {@code HeapAfterLoad <rules> <output.json>}. Run with the server's heap settings.
 */
public final class HeapAfterLoad {

    private HeapAfterLoad() {
    }

    public static void main(String[] args) throws Exception {
        int rules = Integer.parseInt(args[0]);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<NumberPlan> plans = RuleSetGenerator.plans(rules);
        List<byte[]> events = CallEventGenerator.events(plans, 1 << 14, BenchRules.VERSION);
        long before = usedAfterGc(memory);
        try (DecisionPaths paths = new DecisionPaths(plans)) {
            for (byte[] event : events) {
                if (paths.service(event) == null) {
                    throw new IllegalStateException("no answer");
                }
            }
            paths.requireNoFallbackNorRepeat();
            long after = usedAfterGc(memory);
            String json = String.format("{\"rules\": %d, \"heapUsedBytes\": %d, \"heapBeforeRulesBytes\": %d,"
                    + " \"maxHeapBytes\": %d, \"ruleCount\": %d}%n", rules, after, before,
                    memory.getHeapMemoryUsage().getMax(), paths.compiled().ruleCount());
            Files.writeString(Path.of(args[1]), json, StandardCharsets.UTF_8);
            System.out.print(json);
        }
    }

    /** Used heap after full collections, repeated until it stops shrinking (finalizers and soft references). */
    private static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            memory.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return Math.min(used, now);
            }
            used = now;
        }
        return used;
    }
}
