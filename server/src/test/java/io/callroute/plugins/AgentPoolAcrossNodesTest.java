package io.callroute.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.callroute.actions.ParameterValues;
import io.callroute.actions.TestCall;
import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.CallroutePlugin;
import io.callroute.plugin.MakeCall;
import io.callroute.plugin.SharedState;
import io.callroute.store.Database;
import io.callroute.store.PoolSettings;
import io.callroute.store.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 3: the agent-pool plugin's turn is shared through the database with correct concurrency. Two
 * "nodes" — each its own {@link Database} (own HikariCP pool), its own {@link DatabaseSharedState}, and its own copy
 * of the real agent-pool jar loaded and started the way {@link PluginHost} does it ({@link PluginLoading}: own class
 * loader that sees only the plugin API) — answer calls with 8 threads each on ONE database: H2 in the default test
 * run, PostgreSQL in the {@code store-on-postgres} execution.
 *
 * <p>Each node's shared state is wrapped in a recorder that keeps every compare-and-set that succeeded, with what it
 * expected and what it wrote. A correct compare-and-set makes the successful steps of one key one linear history:
 * absent → v1 → v2 → … → the value stored at the end, each step replacing the value the previous step wrote. So for
 * every value, the steps leaving it and the steps arriving at it balance (except at the start and the end). A
 * compare-and-set that lets two writers replace the same value (the lost update of a non-atomic read-then-write)
 * leaves one value more often than it was reached, and the check names it. Tried with such a compare-and-set (read,
 * compare in Java, then an unconditional UPDATE): both tests fail, on H2 and on PostgreSQL.
 *
 * <p>The plugin is used as the server uses it: the jar the build made ({@value #JAR_PROPERTY}), each node's copy in
 * its own class loader, started with its settings, its {@code nextAgent} provider called for live calls.
 */
class AgentPoolAcrossNodesTest {

    /** Where the build puts the agent-pool plugin's jar (surefire sets it; see server/pom.xml). */
    static final String JAR_PROPERTY = "callroute.plugin.agent-pool.jar";

    private static final int NODES = 2;
    private static final int THREADS_PER_NODE = 8;

    @TempDir
    Path temp;

    /**
     * Round robin: over all K calls of both nodes each of the N agents is handed out exactly ⌊K/N⌋ or ⌈K/N⌉ times —
     * precisely, the first K mod N agents one call more — and the stored turn ends at K mod N.
     */
    @Test
    void roundRobinHandsOutOneSequenceAcrossNodes() throws Exception {
        List<String> agents = agents(7);
        int callsPerThread = 40;
        Run run = run("round-robin", agents, callsPerThread);
        Map<String, Integer> counts = counts(run.handouts());
        run.report(counts);
        int total = NODES * THREADS_PER_NODE * callsPerThread;
        assertThat(run.handouts()).hasSize(total);
        assertThat(run.givenUp()).as("hand-outs the pool gave up recording after %d lost compare-and-sets"
                + " (each gives one agent an extra call)", 64).isZero();

        for (int i = 0; i < agents.size(); i++) {
            int expected = total / agents.size() + (i < total % agents.size() ? 1 : 0);
            assertThat(counts.getOrDefault(agents.get(i), 0)).as("calls handed to agent %d of %d (%s) out of %d;"
                    + " all: %s", i, agents.size(), agents.get(i), total, counts).isEqualTo(expected);
        }
        assertThat(run.finalValue("round-robin.next")).as("the stored turn after %d calls", total)
                .isEqualTo(Integer.toString(total % agents.size()));
        for (Handout handout : run.handouts()) {
            assertThat(handout.claims()).as("the one compare-and-set that took this call's turn").hasSize(1);
            Step claim = handout.claims().get(0);
            assertThat(claim.key()).isEqualTo("round-robin.next");
            assertThat(handout.agent()).as("the agent at the index the call replaced")
                    .isEqualTo(agents.get(claim.expected() == null ? 0 : Integer.parseInt(claim.expected())));
        }
        assertLinearHistory(run, "round-robin.next");
    }

    /**
     * Longest idle never hands the same agent to two calls at once. The plugin does not learn when a call ends, so
     * "at once" can only mean: on the strength of the same last assignment — two calls that both chose agent X
     * having read the same claim {@code idle.X} (neither saw the other's assignment). The plugin claims X by a
     * compare-and-set from the claim it read to a new one (time and a random nonce, so every claim is distinct);
     * the check is that each hand-out of X is exactly one successful claim, no two claims of X replaced the same
     * value, and the claims of X form one chain from "never assigned" to the claim stored at the end.
     */
    @Test
    void longestIdleNeverHandsOneAgentToTwoCallsOnTheSameClaim() throws Exception {
        List<String> agents = agents(20);
        int callsPerThread = 25;
        Run run = run("longest-idle", agents, callsPerThread);
        run.report(counts(run.handouts()));
        int total = NODES * THREADS_PER_NODE * callsPerThread;
        assertThat(run.handouts()).hasSize(total);
        assertThat(run.givenUp()).as("hand-outs the pool gave up recording after %d reads whose every claim was"
                + " lost (each is an agent handed out without a claim)", 64).isZero();

        for (Handout handout : run.handouts()) {
            assertThat(handout.claims()).as("the one claim behind this hand-out").hasSize(1);
            assertThat(handout.claims().get(0).key()).isEqualTo(idleKey(handout.agent()));
        }
        Map<String, List<Step>> byKey = run.steps().stream().collect(Collectors.groupingBy(Step::key));
        for (String agent : agents) {
            List<Step> claims = byKey.getOrDefault(idleKey(agent), List.of());
            Map<String, Long> replaced = claims.stream().collect(Collectors.groupingBy(
                    step -> String.valueOf(step.expected()), Collectors.counting()));
            replaced.forEach((value, times) -> assertThat(times).as("hand-outs of %s that replaced the claim %s: the"
                    + " agent went to %d calls on the strength of one last assignment", agent, value, times)
                    .isEqualTo(1L));
            assertLinearHistory(run, idleKey(agent));
        }
    }

    /** The key under which {@code LongestIdlePool} stores an agent's last claim. */
    private static String idleKey(String agent) {
        return "idle." + agent;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Run run(String strategy, List<String> agents, int callsPerThread) throws Exception {
        Path jarDir = Files.createDirectories(temp.resolve("plugins"));
        Files.copy(agentPoolJar(), jarDir.resolve("agent-pool.jar"));
        String url = TestDatabases.url(temp.resolve("db/" + strategy));
        Map<String, String> settings = Map.of("agents", String.join(",", agents), "strategy", strategy);
        List<Node> nodes = new ArrayList<>();
        try {
            for (int n = 0; n < NODES; n++) {
                nodes.add(new Node("node-" + (char) ('a' + n), url, jarDir,
                        Files.createDirectories(temp.resolve("shadow-" + n)), settings));
            }
            Queue<Handout> handouts = new ConcurrentLinkedQueue<>();
            ExecutorService threads = Executors.newFixedThreadPool(NODES * THREADS_PER_NODE);
            CountDownLatch ready = new CountDownLatch(NODES * THREADS_PER_NODE);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (Node node : nodes) {
                for (int t = 0; t < THREADS_PER_NODE; t++) {
                    done.add(threads.submit(() -> {
                        ready.countDown();
                        go.await();
                        for (int i = 0; i < callsPerThread; i++) {
                            node.state.beginCall();
                            List<CallAction> callflow = node.nextAgent.build(ParameterValues.of(Map.of()),
                                    TestCall.inbound());
                            assertThat(callflow).hasSize(1).first().isInstanceOf(MakeCall.class);
                            handouts.add(new Handout(node.name, ((MakeCall) callflow.get(0)).destination(),
                                    node.state.endCall(), node.state.lostInCall()));
                        }
                        return null;
                    }));
                }
            }
            ready.await(30, TimeUnit.SECONDS);
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> thread : done) {
                thread.get(120, TimeUnit.SECONDS);
            }
            long elapsed = System.nanoTime() - start;
            threads.shutdown();
            List<Step> steps = new ArrayList<>();
            int lost = 0;
            int givenUp = 0;
            for (Node node : nodes) {
                steps.addAll(node.state.steps);
                lost += node.state.lost.get();
                givenUp += node.logger.warnings.get();
            }
            DatabaseSharedState reader = new DatabaseSharedState(nodes.get(0).database.dataSource(), "agent-pool",
                    Clock.systemUTC());
            Map<String, String> finals = new HashMap<>();
            steps.stream().map(Step::key).distinct().forEach(key -> finals.put(key, reader.get(key).orElse(null)));
            return new Run(strategy, List.copyOf(handouts), steps, finals, lost, givenUp,
                    Duration.ofNanos(elapsed));
        } finally {
            for (Node node : nodes) {
                node.close();
            }
        }
    }

    /**
     * For every value of {@code key}: successful steps leaving it minus steps arriving at it = 1 for the start
     * (absent), −1 for the value stored at the end, 0 otherwise — one linear history, no value replaced twice.
     */
    private static void assertLinearHistory(Run run, String key) {
        Map<String, Integer> balance = new LinkedHashMap<>();
        String absent = "<absent>";
        for (Step step : run.steps()) {
            if (step.key().equals(key)) {
                balance.merge(Objects.requireNonNullElse(step.expected(), absent), 1, Integer::sum);
                balance.merge(Objects.requireNonNullElse(step.value(), absent), -1, Integer::sum);
            }
        }
        String end = Objects.requireNonNullElse(run.finalValue(key), absent);
        balance.merge(absent, -1, Integer::sum);
        balance.merge(end, 1, Integer::sum);
        Map<String, Integer> unbalanced = balance.entrySet().stream().filter(entry -> entry.getValue() != 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(unbalanced).as("values of %s replaced more (positive) or less (negative) often than they were"
                + " written: not one linear history of compare-and-sets", key).isEmpty();
    }

    private static Map<String, Integer> counts(List<Handout> handouts) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        handouts.forEach(handout -> counts.merge(handout.agent(), 1, Integer::sum));
        return counts;
    }

    private static List<String> agents(int count) {
        List<String> agents = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            agents.add(String.format("+656222%04d", i));
        }
        return agents;
    }

    /**
     * The agent-pool plugin's jar as the build made it; or, when only its classes exist (a reactor run that stopped
     * at {@code test}), those classes packed into a jar here.
     */
    private Path agentPoolJar() throws IOException {
        String given = System.getProperty(JAR_PROPERTY);
        if (given != null && Files.isRegularFile(Path.of(given))) {
            return Path.of(given);
        }
        Path module = given != null ? Path.of(given).getParent().getParent() : findModule();
        Path classes = module == null ? null : module.resolve("target/classes");
        if (classes != null && Files.isRegularFile(
                classes.resolve("META-INF/services/" + CallroutePlugin.class.getName()))) {
            return pack(classes, temp.resolve("agent-pool-from-classes.jar"));
        }
        return fail("The agent-pool plugin is not built (" + JAR_PROPERTY + "=" + given + "); build it with"
                + " ./mvnw -B -o -q package -pl plugins/agent-pool -am -DskipTests");
    }

    private static Path findModule() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("plugins/agent-pool"))) {
                return dir.resolve("plugins/agent-pool");
            }
        }
        return null;
    }

    private static Path pack(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return jar;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** One node: its own pool on the shared database, its own shared state, its own copy of the plugin. */
    private static final class Node implements AutoCloseable {
        final String name;
        final Database database;
        final RecordingState state;
        final CountingLogger logger = new CountingLogger();
        final PluginLoading loading;
        final PluginSlot slot;
        final ActionProvider nextAgent;

        Node(String name, String url, Path pluginsDir, Path shadow, Map<String, String> settings) {
            this.name = name;
            // The server's default pool on a database server (PoolSettings.defaultSize): 10 connections, 5 s.
            this.database = Database.open(new PoolSettings(url, null, null, 10, PoolSettings.DEFAULT_TIMEOUT,
                    name), null);
            this.state = new RecordingState(new DatabaseSharedState(database.dataSource(), "agent-pool",
                    Clock.systemUTC()));
            this.loading = new PluginLoading(shadow, AgentPoolAcrossNodesTest.class.getClassLoader(),
                    new SimpleMeterRegistry());
            PluginSource source = PluginSource.scan(pluginsDir).values().iterator().next();
            PluginSlot discovered = loading.discover(source);
            assertThat(discovered.status()).as(discovered.reason()).isEqualTo(PluginStatus.DISABLED);
            assertThat(discovered.name()).isEqualTo("agent-pool");
            this.slot = loading.start(discovered, new HostPluginContext(ParameterValues.of(settings), state,
                    Clock.systemUTC(), logger), Map.of(), Map.of());
            assertThat(slot.status()).as(String.valueOf(slot.reason())).isEqualTo(PluginStatus.ENABLED);
            assertThat(slot.actions()).extracting(ActionProvider::id).containsExactly("nextAgent");
            this.nextAgent = slot.actions().get(0);
        }

        @Override
        public void close() {
            loading.retire(slot);
            database.close();
        }
    }

    /** A successful compare-and-set. */
    record Step(String key, String expected, String value) {
    }

    /** One call's agent and the successful compare-and-sets made while building it. */
    record Handout(String node, String agent, List<Step> claims, int lost) {
    }

    record Run(String strategy, List<Handout> handouts, List<Step> steps, Map<String, String> finals, int lost,
               int givenUp, Duration elapsed) {

        String finalValue(String key) {
            return finals.get(key);
        }

        void report(Map<String, Integer> counts) {
            Map<String, Long> byNode = handouts.stream().collect(Collectors.groupingBy(Handout::node,
                    java.util.TreeMap::new, Collectors.counting()));
            int min = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
            int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            int mostLost = handouts.stream().mapToInt(Handout::lost).max().orElse(0);
            System.out.printf("agent-pool %s on %s: %d calls (%s) in %d ms, %d compare-and-sets lost and retried"
                            + " (at most %d in one call), %d given up; per agent %d..%d%n", strategy,
                    TestDatabases.isPostgres() ? "PostgreSQL" : "H2", handouts.size(), byNode, elapsed.toMillis(),
                    lost, mostLost, givenUp, min, max);
        }
    }

    /** The node's real shared state, recording each successful compare-and-set and the ones of the current call. */
    private static final class RecordingState implements SharedState {
        final SharedState delegate;
        final Queue<Step> steps = new ConcurrentLinkedQueue<>();
        final AtomicInteger lost = new AtomicInteger();
        private final ThreadLocal<List<Step>> call = ThreadLocal.withInitial(ArrayList::new);
        private final ThreadLocal<int[]> lostInCall = ThreadLocal.withInitial(() -> new int[1]);

        RecordingState(SharedState delegate) {
            this.delegate = delegate;
        }

        void beginCall() {
            call.get().clear();
            lostInCall.get()[0] = 0;
        }

        int lostInCall() {
            return lostInCall.get()[0];
        }

        List<Step> endCall() {
            List<Step> made = List.copyOf(call.get());
            call.get().clear();
            return made;
        }

        @Override
        public Optional<String> get(String key) {
            return delegate.get(key);
        }

        @Override
        public boolean compareAndSet(String key, String expected, String value) {
            boolean set = delegate.compareAndSet(key, expected, value);
            if (set) {
                Step step = new Step(key, expected, value);
                steps.add(step);
                call.get().add(step);
            } else {
                lost.incrementAndGet();
                lostInCall.get()[0]++;
            }
            return set;
        }
    }

    /** The plugin's logger: counts its warnings (the pool gave up recording a turn). */
    private static final class CountingLogger implements System.Logger {
        final AtomicInteger warnings = new AtomicInteger();

        @Override
        public String getName() {
            return "callroute.plugin.agent-pool";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            count(level, message);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            count(level, format);
        }

        private void count(Level level, String message) {
            if (level.getSeverity() >= Level.WARNING.getSeverity()) {
                warnings.incrementAndGet();
                System.out.println("agent-pool warned: " + message);
            }
        }
    }
}
