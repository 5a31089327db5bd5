package io.callroute.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's start command, for real: {@code java -jar target/callroute.jar} in its own process, with its
 * embedded defaults, then driven over HTTP. Also the rules CLI and persistence of the H2 store across a restart.
 */
class StandaloneServerIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String SECRET = "Bearer it-secret-7f3a";

    @TempDir
    Path work;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void startsWithEmbeddedDefaultsAnswersWebhooksAndKeepsRulesAcrossRestart() throws Exception {
        Path rules = Path.of(System.getProperty("callroute.rules.dir"));
        int port = freePort();
        Process first = start(port, rules, Map.of("CALLROUTE_WEBHOOK_AUTH", SECRET));
        awaitReady(port, first);

        byte[] sgCall = fixture("vca_inbound_ivr_call_received_sg.json");
        assertThat(post(port, sgCall, null).statusCode()).isEqualTo(401);
        HttpResponse<String> answered = post(port, sgCall, SECRET);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("\"callflow\"").contains("sayAndCapture");
        assertThat(Files.exists(work.resolve("data").resolve("callroute.mv.db"))).isTrue();
        // The load test's static anchor (bench/anchor) exists only in the benchmark WAR, never here.
        assertThat(post(port, "/bench/anchor/vca", sgCall, SECRET).statusCode()).isEqualTo(404);

        stop(first);

        // Second start: an empty rules folder, so whatever answers must come from the H2 file of the first run.
        Path noRules = Files.createDirectories(work.resolve("no-rules"));
        Process second = start(port, noRules, Map.of("CALLROUTE_WEBHOOK_AUTH", SECRET));
        awaitReady(port, second);
        HttpResponse<String> again = post(port, sgCall, SECRET);
        assertThat(again.body()).isEqualTo(answered.body());
    }

    @Test
    void cliChecksRuleFilesAndPrintsTheGeneratedDrl() throws Exception {
        Path rules = Path.of(System.getProperty("callroute.rules.dir"));
        Result check = run("check", rules.toString());
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("OK");

        Result drl = run("drl", rules.toString());
        assertThat(drl.exitCode()).as(drl.output()).isZero();
        assertThat(drl.output()).contains("rule \"").contains("global ");

        Path broken = Files.createDirectories(work.resolve("broken"));
        Files.writeString(broken.resolve("broken.yaml"), """
                ruleSet: broken
                defaultZone: Asia/Singapore
                rules:
                  - id: late-night
                    when:
                      time: { from: "25:00", to: "06:00" }
                    then:
                      steps:
                        - hangup: {}
                """);
        Result failed = run("check", broken.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output()).contains("late-night").contains("from");
    }

    /** A port held by another process: the launcher says so and exits, rather than run a server that answers nothing. */
    @Test
    void exitsWhenItsPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Process server = start(taken.getLocalPort(), Path.of(System.getProperty("callroute.rules.dir")), Map.of());
            assertThat(server.waitFor(180, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
            assertThat(server.exitValue()).isEqualTo(1);
            assertThat(log()).contains("could not listen on port " + taken.getLocalPort());
        }
    }

    /**
     * The README's fast-start recipe: {@code train} writes a class archive on exit, and a server started with it maps
     * the web application's classes (Jersey, Drools…) from the archive instead of loading them from its jars.
     */
    @Test
    void trainingWritesAClassArchiveThatTheNextStartUses() throws Exception {
        Path rules = Path.of(System.getProperty("callroute.rules.dir"));
        Path archive = work.resolve("callroute.jsa");
        ProcessBuilder training = new ProcessBuilder(javaBin(), "-Xmx512m", "-XX:ArchiveClassesAtExit=" + archive,
                "-Xlog:cds=error", "-jar", launcherJar(), "train").directory(work.toFile()).redirectErrorStream(true);
        training.environment().put("CALLROUTE_RULES_DIR", rules.toString());
        Process trainer = training.start();
        processes.add(trainer);
        String output = new String(trainer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(trainer.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(trainer.exitValue()).as(output).isZero();
        assertThat(output).contains("Training: /health/ready 200, a CALL_ACTION 200");
        assertThat(Files.size(archive)).as("archive size").isGreaterThan(10_000_000L);
        assertThat(work.resolve("data")).as("the training used a temporary data folder").doesNotExist();

        int port = freePort();
        Path classes = work.resolve("classes.log");
        Process server = start(port, rules, Map.of(), "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=info:file=" + classes);
        awaitReady(port, server);
        assertThat(post(port, fixture("vca_inbound_ivr_call_received_sg.json"), null).statusCode()).isEqualTo(200);
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).as("the web application's classes come from the archive")
                .anyMatch(line -> line.contains("org.glassfish.jersey.server.ApplicationHandler ")
                        && line.contains("shared objects file (top)"))
                .anyMatch(line -> line.contains("org.drools.compiler.builder.impl.KnowledgeBuilderImpl ")
                        && line.contains("shared objects file (top)"));
    }

    private Process start(int port, Path rules, Map<String, String> extraEnv, String... jvmOptions)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", launcherJar()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("server.log").toFile()));
        builder.environment().put("CALLROUTE_PORT", Integer.toString(port));
        builder.environment().put("CALLROUTE_RULES_DIR", rules.toString());
        builder.environment().putAll(extraEnv);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();   // SIGTERM: the shutdown hook stops Tomcat and closes the store
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("server stops on SIGTERM").isTrue();
    }

    private Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", launcherJar()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private void awaitReady(int port, Process process) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the port opens a moment after the JVM starts
            }
            Thread.sleep(200);   // polling a condition with a deadline
        }
        throw new AssertionError("server not ready within 90 s:\n" + log());
    }

    private String log() throws IOException {
        Path log = work.resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }

    private static HttpResponse<String> post(int port, byte[] body, String authorization) throws Exception {
        return post(port, "/webhooks/vca", body, authorization);
    }

    private static HttpResponse<String> post(int port, String path, byte[] body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Path.of(System.getProperty("callroute.fixtures.dir")).resolve(name));
    }

    private static String launcherJar() {
        return Path.of(System.getProperty("callroute.launcher.jar")).toAbsolutePath().toString();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Result(int exitCode, String output) {
    }
}
