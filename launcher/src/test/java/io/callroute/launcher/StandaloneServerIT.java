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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    @Test
    void startsWithEmbeddedDefaultsAnswersWebhooksAndKeepsRulesAcrossRestart() throws Exception {
        Path rules = Path.of(System.getProperty("callroute.rules.dir"));
        byte[] sgCall = fixture("vca_inbound_ivr_call_received_sg.json");
        HttpResponse<String> answered;
        int port;
        // No data or plugins folder given: the defaults, ./data and ./plugins in the working directory.
        try (ServerProcess first = ServerProcess.in(work).env("CALLROUTE_RULES_DIR", rules.toString())
                .env("CALLROUTE_WEBHOOK_AUTH", SECRET).start()) {
            port = first.port();
            assertThat(post(port, sgCall, null).statusCode()).isEqualTo(401);
            answered = post(port, sgCall, SECRET);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).contains("\"callflow\"").contains("sayAndCapture");
            assertThat(Files.exists(work.resolve("data").resolve("callroute.mv.db"))).isTrue();
            // The load test's static anchor (bench/anchor) exists only in the benchmark WAR, never here.
            assertThat(post(port, "/bench/anchor/vca", sgCall, SECRET).statusCode()).isEqualTo(404);
            first.stop();   // SIGTERM: the shutdown hook stops Tomcat and closes the store
        }

        // Second start: an empty rules folder, so whatever answers must come from the H2 file of the first run.
        Path noRules = Files.createDirectories(work.resolve("no-rules"));
        try (ServerProcess second = ServerProcess.in(work).port(port).env("CALLROUTE_RULES_DIR", noRules.toString())
                .env("CALLROUTE_WEBHOOK_AUTH", SECRET).start()) {
            HttpResponse<String> again = post(port, sgCall, SECRET);
            assertThat(again.body()).isEqualTo(answered.body());
        }
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
            ProcessBuilder launcher = new ProcessBuilder(ServerProcess.javaBin(), "-Xmx512m", "-jar",
                    ServerProcess.launcherJar()).directory(work.toFile()).redirectErrorStream(true);
            launcher.environment().put("CALLROUTE_PORT", Integer.toString(taken.getLocalPort()));
            launcher.environment().put("CALLROUTE_RULES_DIR", System.getProperty("callroute.rules.dir"));
            Process server = launcher.start();
            try {
                String output = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(server.waitFor(180, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
                assertThat(server.exitValue()).as(output).isEqualTo(1);
                assertThat(output).contains("could not listen on port " + taken.getLocalPort());
            } finally {
                server.destroyForcibly();
            }
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
        ProcessBuilder training = new ProcessBuilder(ServerProcess.javaBin(), "-Xmx512m",
                "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error", "-jar", ServerProcess.launcherJar(), "train")
                .directory(work.toFile()).redirectErrorStream(true);
        training.environment().put("CALLROUTE_RULES_DIR", rules.toString());
        Process trainer = training.start();
        try {
            String output = new String(trainer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(trainer.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(trainer.exitValue()).as(output).isZero();
            assertThat(output).contains("Training: /health/ready 200, a CALL_ACTION 200");
        } finally {
            trainer.destroyForcibly();
        }
        assertThat(Files.size(archive)).as("archive size").isGreaterThan(10_000_000L);
        assertThat(work.resolve("data")).as("the training used a temporary data folder").doesNotExist();

        Path classes = work.resolve("classes.log");
        try (ServerProcess server = ServerProcess.in(work).env("CALLROUTE_RULES_DIR", rules.toString())
                .jvm("-XX:SharedArchiveFile=" + archive).jvm("-Xlog:class+load=info:file=" + classes).start()) {
            assertThat(post(server.port(), fixture("vca_inbound_ivr_call_received_sg.json"), null).statusCode())
                    .isEqualTo(200);
        }
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).as("the web application's classes come from the archive")
                .anyMatch(line -> line.contains("org.glassfish.jersey.server.ApplicationHandler ")
                        && line.contains("shared objects file (top)"))
                .anyMatch(line -> line.contains("org.drools.compiler.builder.impl.KnowledgeBuilderImpl ")
                        && line.contains("shared objects file (top)"));
    }

    private Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ServerProcess.javaBin(), "-jar", ServerProcess.launcherJar()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
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

    private record Result(int exitCode, String output) {
    }
}
