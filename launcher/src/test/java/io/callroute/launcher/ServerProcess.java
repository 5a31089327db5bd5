package io.callroute.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone server ({@code java -jar target/callroute.jar}) as a separate OS process, for tests that need the
 * real thing: a real H2 file, real HTTP, a real process that can be stopped or killed and started again on the same
 * data folder and port. Every start appends to one log file, so a test can show what the server said across
 * restarts; {@link #logSinceStart()} is what the current process said. The process runs in {@code work}, so the
 * settings' relative defaults put its data in {@code work/data} and its plugins in {@code work/plugins}.
 */
public final class ServerProcess implements AutoCloseable {

    /** Exit status of a JVM ended by SIGKILL, as {@link Process#exitValue()} reports it on Linux: 128 + 9. */
    public static final int KILLED_BY_SIGKILL = 137;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration READY_DEADLINE = Duration.ofSeconds(180);

    private final Path work;
    private final Path log;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private Process process;
    private long logOffset;

    private ServerProcess(Path work, int port, Map<String, String> environment, List<String> jvmOptions) {
        this.work = work;
        this.log = work.resolve("server.log");
        this.port = port;
        this.environment = environment;
        this.jvmOptions = jvmOptions;
    }

    /** A server to be started in {@code work}, its working directory. */
    public static Builder in(Path work) {
        return new Builder(work);
    }

    /** How to start a server; {@link #start()} starts it and waits until it is ready. */
    public static final class Builder {
        private final Path work;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
        private int port;

        private Builder(Path work) {
            this.work = work;
        }

        /** A {@code CALLROUTE_*} setting (or any environment variable) of the server process. */
        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder env(Map<String, String> values) {
            environment.putAll(values);
            return this;
        }

        /** An option for the server's JVM, such as {@code -Xmx256m} (replaces the default {@code -Xmx512m}). */
        public Builder jvm(String option) {
            if (option.startsWith("-Xmx")) {
                jvmOptions.removeIf(existing -> existing.startsWith("-Xmx"));
            }
            jvmOptions.add(option);
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Starts the server on a free port (unless one was given) and waits until {@code /health/ready} is 200. */
        public ServerProcess start() throws IOException, InterruptedException {
            Files.createDirectories(work);
            ServerProcess server = new ServerProcess(work, port == 0 ? freePort() : port, Map.copyOf(environment),
                    List.copyOf(jvmOptions));
            server.startProcess();
            server.awaitReady();
            return server;
        }
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /** Starts the process again on the same port and data folder (after {@link #kill()} or {@link #stop()}). */
    public void restart() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the server is still running; stop or kill it first");
        }
        startProcess();
        awaitReady();
    }

    /** Ends the JVM with SIGKILL: no shutdown hook runs, nothing is flushed or closed. Returns after it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();   // on Linux, kill(pid, SIGKILL)
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("server " + process.pid() + " still alive 30 s after SIGKILL");
        }
        // Proof that it was SIGKILL and not an orderly exit: only a signal death reports 128 + signal.
        if (process.exitValue() != KILLED_BY_SIGKILL) {
            throw new AssertionError("server " + process.pid() + " exited with " + process.exitValue()
                    + ", not " + KILLED_BY_SIGKILL + " (SIGKILL)");
        }
    }

    /** SIGTERM: the launcher's shutdown hook stops Tomcat and closes the store. Returns after the process ended. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("server did not stop within 60 s of SIGTERM");
        }
    }

    /** Stops the server if it still runs; a test's last word. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public Path work() {
        return work;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void startProcess() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaBin());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(launcherJar());
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("CALLROUTE_PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        logOffset = Files.exists(log) ? Files.size(log) : 0;
        process = builder.start();
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(READY_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            assertAlive();
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(uri("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the port opens some seconds after the JVM starts
            }
            Thread.sleep(100);   // polling a condition with a deadline
        }
        throw new AssertionError("server not ready within " + READY_DEADLINE + ":\n" + logSinceStart());
    }

    /** Fails with the log when the process has ended. */
    public void assertAlive() throws IOException {
        if (!isAlive()) {
            throw new AssertionError("server exited with " + process.exitValue() + ":\n" + logSinceStart());
        }
    }

    // ------------------------------------------------------------------------------------------------ log

    /** What the current process has written so far. */
    public String logSinceStart() throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(logOffset, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    /** The whole log of every start, for diagnosis. */
    public Path log() {
        return log;
    }

    /** What the log says after byte {@code from} of the log file (see {@link #logSize()}). */
    public String logSince(long from) throws IOException {
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            long start = Math.min(Math.max(from, logOffset), channel.size());
            ByteBuffer bytes = ByteBuffer.allocate((int) (channel.size() - start));
            while (bytes.hasRemaining() && channel.read(bytes, start + bytes.position()) > 0) {
                // read to the end as it was when opened
            }
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Waits until the log has a line matching {@code pattern} after byte {@code from} of the log file
     * ({@link #logSize()} gives a starting point). Polls every 2 ms: callers time a kill by it.
     */
    public void awaitLog(Pattern pattern, long from, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (pattern.matcher(logSince(from)).find()) {
                return;
            }
            assertAlive();
            Thread.sleep(2);   // polling a condition with a deadline
        }
        throw new AssertionError("no log line matching " + pattern + " within " + timeout);
    }

    public long logSize() throws IOException {
        return Files.exists(log) ? Files.size(log) : 0;
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    /** Signs in as {@code username} (POST /api/session) and creates a personal API token with the session. */
    public AdminApi signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> session = HTTP.send(HttpRequest.newBuilder(uri("/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + username + "\", \"password\": \""
                        + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (session.statusCode() != 200) {
            throw new AssertionError("sign-in: " + session.statusCode() + " " + session.body());
        }
        String cookie = session.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String csrf = field(session.body(), "csrfToken");
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(uri("/api/tokens"))
                .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"reliability\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 201) {
            throw new AssertionError("token: " + token.statusCode() + " " + token.body());
        }
        return new AdminApi(this, "Bearer " + field(token.body(), "token"));
    }

    /** The admin API with a bearer token; the token lives in the store, so it outlives restarts. */
    public static final class AdminApi {
        private final ServerProcess server;
        private final String authorization;

        private AdminApi(ServerProcess server, String authorization) {
            this.server = server;
            this.authorization = authorization;
        }

        public HttpResponse<String> send(String method, String path, String contentType, String body,
                                         Map<String, String> headers) throws IOException, InterruptedException {
            return HTTP.send(request(method, path, contentType, body, headers), HttpResponse.BodyHandlers.ofString());
        }

        public HttpRequest request(String method, String path, String contentType, String body,
                                   Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).header("Authorization",
                    authorization).timeout(Duration.ofMinutes(5)).method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            return request.build();
        }

        public HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send("GET", path, null, null, Map.of());
        }
    }

    /** GET without credentials (health, metrics). */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The first string value of {@code name} in a JSON text. */
    public static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no \"" + name + "\" in " + json);
        }
        return matcher.group(1);
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    public static String launcherJar() {
        return Path.of(System.getProperty("callroute.launcher.jar")).toAbsolutePath().toString();
    }

    public static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
