package io.callroute.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * {@code java -XX:ArchiveClassesAtExit=callroute.jsa -jar callroute.jar train}: runs a throwaway server — a
 * temporary data folder and database, no plugins, a free port, the rules of {@code CALLROUTE_RULES_DIR} — until it is
 * ready, answers one CALL_ACTION, stops it, and exits, at which point the JVM writes every class it loaded into the
 * archive. Started with {@code -XX:SharedArchiveFile=callroute.jsa}, later JVMs map those classes instead of reading,
 * parsing and verifying them again — the web application's own (Jersey, Drools, H2…) included, since JDK 17 archives
 * classes of custom class loaders that come from jar files. The JVM checks the archive against its own build and the
 * launcher's class path and silently ignores one that does not match; the WAR's classes are matched by their bytes.
 * docs/PERFORMANCE.md has what it saves.
 */
final class ClassArchiveTraining {

    private static final Logger LOG = Logger.getLogger(ClassArchiveTraining.class.getName());

    /** Holds the web application's class loader until the JVM exits: unloaded classes are not archived. */
    @SuppressWarnings("unused")
    private static volatile Object keptLoader;

    private ClassArchiveTraining() {
    }

    /** @return the process's exit code */
    static int run(Path war) throws Exception {
        Path work = Files.createTempDirectory("callroute-train");
        // System properties come before the environment in both the launcher's and the server's settings, so the
        // training never touches the real data folder, database or plugins.
        System.setProperty("callroute.data.dir", work.toString());
        System.setProperty("callroute.db.url", "jdbc:h2:file:" + work.resolve("callroute"));
        System.setProperty("callroute.plugins.dir", Files.createDirectories(work.resolve("plugins")).toString());
        System.setProperty("callroute.admin.password", UUID.randomUUID().toString());
        StandaloneServer server = null;
        try {
            ExplodedWar exploded = ExplodedWar.extract(war, work.resolve("webapp"));
            server = new StandaloneServer(0, exploded.root(), work.resolve("tomcat"));
            if (!server.start()) {
                return 1;
            }
            keptLoader = server.webappClassLoader();
            exercise(server.port());
            return 0;
        } finally {
            if (server != null) {
                server.stop();
            }
            deleteRecursively(work);
        }
    }

    /** A readiness check and one CALL_ACTION, so the classes of a request are archived too. */
    private static void exercise(int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpRequest.Builder call = HttpRequest.newBuilder(URI.create(base + "/webhooks/vca"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(sampleCall()));
        String authorization = LauncherSettings.read("CALLROUTE_WEBHOOK_AUTH");
        if (authorization != null) {
            call.header("Authorization", authorization);
        }
        HttpResponse<String> answer = http.send(call.build(), HttpResponse.BodyHandlers.ofString());
        LOG.info("Training: /health/ready " + ready.statusCode() + ", a CALL_ACTION " + answer.statusCode()
                + "; the JVM writes its class archive when it exits");
    }

    private static String sampleCall() throws IOException {
        try (InputStream in = ClassArchiveTraining.class.getResourceAsStream("training-call.json")) {
            if (in == null) {
                throw new IOException("training-call.json is missing from the launcher jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${eventId}", UUID.randomUUID().toString())
                    .replace("${timestamp}", java.time.Instant.now().toString());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
