package io.callroute.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Writes the section "Webhook under load (wrk)" of docs/PERFORMANCE.md from the results file of
 * bench/run-webhook.sh, with every issue-9 target the run covers marked met or missed.
 *
 * <p>Usage: {@code WebhookLoadReport <results.txt> <PERFORMANCE.md> <text about the run and machine>}. The results
 * file has one record per line, its kind first:
 * <pre>
 * load    rules connections anchor|webhook requests seconds req/s p50ms p99ms maxms socketErrors non2xx cpuUsPerRequest
 * start   what wallMs cpuMs readyLogMs compiledMs load1
 * heap    rules heapUsedKB rssKB webhookRequests fallbacks recorded dropped
 * threads rules name cpuMs percent requests recorded
 * loadavg|loadavg-after rules l1 l5 l15
 * warmup  rules seconds compilesInTheLast15s
 * </pre>
 */
public final class WebhookLoadReport {

    static final String HEADING = "## Webhook under load (wrk)";

    private record Load(int rules, int connections, String target, long requests, double rps, double p50, double p99,
                        long errors, long non2xx, long cpuMicros) {
    }

    private record Start(String what, long wallMs, long cpuMs, String compiledMs, String load1) {
    }

    private record Heap(int rules, long usedKb, long rssKb, long requests, long fallbacks, long recorded,
                        long dropped) {
    }

    private record Threads(int rules, String name, long cpuMs, double percent, long requests, long recorded) {
    }

    private final List<Load> loads = new ArrayList<>();
    private final List<Start> starts = new ArrayList<>();
    private final List<Heap> heaps = new ArrayList<>();
    private final List<Threads> threads = new ArrayList<>();
    private final Map<Integer, String> loadBefore = new LinkedHashMap<>();
    private final Map<Integer, String> loadAfter = new LinkedHashMap<>();
    private final Map<Integer, String> warmUps = new LinkedHashMap<>();

    private WebhookLoadReport() {
    }

    public static void main(String[] args) throws IOException {
        WebhookLoadReport report = new WebhookLoadReport();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            report.read(line.trim().split("\\s+"));
        }
        Path doc = Path.of(args[1]);
        String section = report.section(args[2]);
        String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "# Performance\n";
        int start = text.indexOf(HEADING);
        if (start < 0) {
            // New: before the JMH section, which follows the webhook figures in reading order.
            int jmh = text.indexOf("\n## Decisions and publishing (JMH)");
            text = jmh < 0 ? text.stripTrailing() + "\n\n" + section
                    : text.substring(0, jmh + 1) + section + "\n" + text.substring(jmh + 1);
        } else {
            int end = text.indexOf("\n## ", start + HEADING.length());
            text = text.substring(0, start) + section + (end < 0 ? "" : "\n" + text.substring(end + 1));
        }
        Files.writeString(doc, text, StandardCharsets.UTF_8);
        System.out.print(section);
    }

    private void read(String[] f) {
        switch (f[0]) {
            case "load" -> loads.add(new Load(Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3],
                    Long.parseLong(f[4]), Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                    Long.parseLong(f[10]), Long.parseLong(f[11]), Long.parseLong(f[12])));
            case "start" -> starts.add(new Start(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), f[5], f[6]));
            case "heap" -> heaps.add(new Heap(Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                    Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7])));
            case "threads" -> threads.add(new Threads(Integer.parseInt(f[1]), f[2], Long.parseLong(f[3]),
                    Double.parseDouble(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6])));
            case "loadavg" -> loadBefore.put(Integer.parseInt(f[1]), f[2] + " " + f[3] + " " + f[4]);
            case "loadavg-after" -> loadAfter.put(Integer.parseInt(f[1]), f[2] + " " + f[3] + " " + f[4]);
            case "warmup" -> warmUps.put(Integer.parseInt(f[1]), String.format(Locale.ROOT,
                    "%,d rules %s s (%s methods compiled in its last 15 s)", Integer.parseInt(f[1]), f[2], f[3]));
            default -> throw new IllegalArgumentException("unknown record: " + String.join(" ", f));
        }
    }

    private String section(String about) {
        StringBuilder out = new StringBuilder();
        out.append(HEADING).append("\n\n").append(about.strip()).append("\n\n");
        out.append("""
                The standalone server (embedded Tomcat, `java -jar launcher/target/callroute.jar`) as its own process, \
                a fresh H2 file database, webhook authentication on, the production logging (info level: no line per answered call); \
                `wrk` in another process on the same two cores, so every figure is a floor. Each rule base is the \
                JMH benchmarks' generated one (`RuleSetGenerator`: ten rules per number, schedules, holidays, \
                countries, a two-level menu), imported on a first start and published as version 1; the requests \
                are 16,384 generated CALL_ACTIONs to its numbers (40 % first rounds at any hour, 60 % menu rounds), \
                each sent with a fresh eventId. The **anchor** is `POST /bench/anchor/vca` of the same server \
                (bench/anchor, only in the benchmark WAR): same Jersey application, filters and webhook guard, the \
                same bodies read, a fixed callflow of the same size answered — the HTTP stack's limit. A warm-up first, until the \
                JIT has settled (on the two shared cores it compiles for minutes, and a run measured meanwhile pays \
                for it several times over); then anchor and webhook in turn, 1 connection (1 wrk thread) and 16 (2 threads); the call log writer \
                finishes its backlog before each run. Server CPU per request: the process's user + system time \
                during the run ÷ requests (less sensitive to the other jobs on the machine than req/s).

                """);
        out.append("| rules | connections | anchor req/s | anchor p50 / p99 ms | webhook req/s | webhook p50 / p99 ms "
                + "| **webhook ÷ anchor** | server CPU µs per request, anchor / webhook | non-2xx, socket errors |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (int rules : sizes()) {
            for (int connections : new int[] {1, 16}) {
                Optional<Load> anchor = load(rules, connections, "anchor");
                Optional<Load> webhook = load(rules, connections, "webhook");
                if (anchor.isEmpty() || webhook.isEmpty()) {
                    continue;
                }
                Load a = anchor.get();
                Load w = webhook.get();
                out.append(String.format(Locale.ROOT, "| %,d | %d | %,.0f | %.2f / %.2f | %,.0f | %.2f / %.2f | "
                                + "**%.0f %%** | %,d / %,d | %d, %d |%n", rules, connections, a.rps(), a.p50(), a.p99(),
                        w.rps(), w.p50(), w.p99(), 100 * w.rps() / a.rps(), a.cpuMicros(), w.cpuMicros(),
                        a.non2xx() + w.non2xx(), a.errors() + w.errors()));
            }
        }
        out.append("\nLoad average (1, 5, 15 min) at the start of each rule base's runs: ");
        List<String> averages = new ArrayList<>();
        loadBefore.forEach((rules, value) -> averages.add(String.format(Locale.ROOT, "%,d rules %s (after: %s)", rules,
                value, loadAfter.getOrDefault(rules, "?"))));
        out.append(String.join("; ", averages)).append(".");
        if (!warmUps.isEmpty()) {
            out.append(" Warm-up, until the JIT had settled (fewer than 100 methods compiled in 15 s) or at most the "
                    + "given time: ").append(String.join("; ", warmUps.values())).append(".");
        }
        out.append("\n\n");

        out.append("### Start to ready\n\n");
        out.append("Process start to the first `200` of `GET /health/ready` (which answers 503 until the rules are "
                + "live), wall clock, and the server's CPU time until then (all its threads: the JIT compiler's "
                + "included). The class archive is written once by `java -XX:ArchiveClassesAtExit=callroute.jsa "
                + "-jar callroute.jar train` and used with `-XX:SharedArchiveFile=callroute.jsa`.\n\n");
        out.append("| start | ready after | server CPU until ready | rules compiled in (server log) | load average "
                + "(1 min) |\n|---|---|---|---|---|\n");
        for (Start start : starts) {
            out.append(String.format(Locale.ROOT, "| %s | %.1f s | %.1f s | %s | %s |%n", describe(start.what()),
                    start.wallMs() / 1000.0, start.cpuMs() / 1000.0,
                    start.compiledMs().equals("-") ? "—" : String.format(Locale.ROOT, "%,d ms",
                            Long.parseLong(start.compiledMs())), start.load1()));
        }

        out.append("\n### After the load\n\n");
        out.append("Used heap after two full GCs (`jcmd GC.run`, then `GC.heap_info`) and the process's resident "
                + "memory, once the call log writer had written everything.\n\n");
        out.append("| rules | heap used after full GC | RSS | webhooks answered | fallbacks | call log rows written "
                + "/ dropped |\n|---|---|---|---|---|---|\n");
        for (Heap heap : heaps) {
            out.append(String.format(Locale.ROOT, "| %,d | %,d MB | %,d MB | %,d | %,d | %,d / %,d |%n", heap.rules(),
                    heap.usedKb() / 1024, heap.rssKb() / 1024, heap.requests(), heap.fallbacks(), heap.recorded(),
                    heap.dropped()));
        }

        out.append("\n### Where the server's CPU went (webhook, 16 connections)\n\n");
        out.append("Per thread, from /proc during the run (names as the kernel keeps them: 15 characters, digits as "
                + "#): `http-nio-…` are Tomcat's request threads, `callroute-decis` the decision pool, "
                + "`callroute-event` the call log writer, `C#_CompilerThre` the JIT, `GC_Thread#` and `G#_…` the "
                + "collector.\n\n");
        out.append("| rules | top threads, share of the server's CPU | call log writer and H2's page writers, CPU per row "
                + "|\n|---|---|---|\n");
        for (int rules : sizes()) {
            List<Threads> top = threads.stream().filter(t -> t.rules() == rules).toList();
            if (top.isEmpty()) {
                continue;
            }
            StringBuilder names = new StringBuilder();
            for (Threads t : top) {
                names.append(names.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "`%s` %.0f %%",
                        t.name(), t.percent()));
            }
            // The writer thread, and H2's threads that serialise and write the pages it changed.
            List<Threads> log = top.stream().filter(t -> t.name().startsWith("callroute-event")
                    || t.name().startsWith("H#-serializatio") || t.name().startsWith("MVStore")).toList();
            long recorded = top.get(0).recorded();
            String writer = log.isEmpty() || recorded == 0 ? "—" : String.format(Locale.ROOT, "%,.0f µs (%,d rows)",
                    1000.0 * log.stream().mapToLong(Threads::cpuMs).sum() / recorded, recorded);
            out.append(String.format(Locale.ROOT, "| %,d | %s | %s |%n", rules, names, writer));
        }

        out.append("\n### Issue 9 targets covered here\n\n| target | measured | |\n|---|---|---|\n");
        ratioTarget(out, 100, 85);
        ratioTarget(out, 10_000, 70);
        startTarget(out, "java -jar callroute.jar", starts.stream()
                .filter(s -> s.what().startsWith("examples-") && !s.what().startsWith("examples-cds-")).toList());
        startTarget(out, "with the class archive", starts.stream()
                .filter(s -> s.what().startsWith("examples-cds-")).toList());
        heaps.stream().filter(h -> h.rules() == 1_000).findFirst().ifPresent(heap -> out.append(String.format(
                Locale.ROOT, "| heap < 256 MB at 1,000 rules, after load | %,d MB | **%s** |%n", heap.usedKb() / 1024,
                heap.usedKb() < 256 * 1024 ? "met" : "missed")));
        out.append("\nRe-run: `bench/run-webhook.sh` (builds with `-Pbench`, installs `wrk` when missing, rewrites "
                + "this section).\n");
        return out.toString();
    }

    private void ratioTarget(StringBuilder out, int rules, int percent) {
        Optional<Load> anchor = load(rules, 16, "anchor");
        Optional<Load> webhook = load(rules, 16, "webhook");
        if (anchor.isEmpty() || webhook.isEmpty()) {
            return;
        }
        double ratio = 100 * webhook.get().rps() / anchor.get().rps();
        String single = load(rules, 1, "anchor").flatMap(a -> load(rules, 1, "webhook")
                .map(w -> String.format(Locale.ROOT, "; 1 connection: %.0f %%", 100 * w.rps() / a.rps()))).orElse("");
        out.append(String.format(Locale.ROOT, "| webhook ≥ %d %% of the anchor's throughput at %,d rules | %.0f %% "
                        + "(16 connections: %,.0f vs %,.0f req/s%s) | **%s** |%n", percent, rules, ratio,
                webhook.get().rps(), anchor.get().rps(), single, ratio >= percent ? "met" : "missed"));
    }

    private static void startTarget(StringBuilder out, String how, List<Start> examples) {
        if (examples.isEmpty()) {
            return;
        }
        long worst = examples.stream().mapToLong(Start::wallMs).max().orElseThrow();
        long best = examples.stream().mapToLong(Start::wallMs).min().orElseThrow();
        out.append(String.format(Locale.ROOT, "| start to ready < 5 s (example rules, %s) | %.1f–%.1f s (first "
                + "start and restarts) | **%s** |%n", how, best / 1000.0, worst / 1000.0, worst < 5_000 ? "met"
                : best < 5_000 ? "met on some starts, missed on others" : "missed"));
    }

    private Optional<Load> load(int rules, int connections, String target) {
        return loads.stream().filter(l -> l.rules() == rules && l.connections() == connections
                && l.target().equals(target)).findFirst();
    }

    private TreeSet<Integer> sizes() {
        TreeSet<Integer> sizes = new TreeSet<>();
        loads.forEach(l -> sizes.add(l.rules()));
        return sizes;
    }

    private static String describe(String what) {
        if (what.startsWith("examples-")) {
            String round = what.substring("examples-".length());
            String archive = "";
            if (round.startsWith("cds-")) {
                round = round.substring("cds-".length());
                archive = ", with the class archive";
            }
            return "example rules (rules/), production WAR" + archive + ", " + (round.equals("first")
                    ? "first start (import, publish)"
                    : "restart " + round.substring(round.indexOf('-') + 1) + " (loads the stored version)");
        }
        if (what.startsWith("generated-")) {
            return String.format(Locale.ROOT, "%,d generated rules, benchmark WAR, first start (import, publish)",
                    Integer.parseInt(what.substring("generated-".length())));
        }
        return what;
    }
}
