package io.callroute.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop-in plugin story against the real standalone server in its own process: the example jars copied into a
 * running server's plugins folder, enabled over {@code /api/plugins}, used by published rules; a plugin replaced and
 * removed without a restart; an incompatible plugin reported and not loaded. The tests share one server and run in
 * order; each waits for what it needs by polling with a deadline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginDropInIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String WEBHOOK_SECRET = "Bearer it-plugins-91c2";
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:plugin-drop-in-it-pw".getBytes(StandardCharsets.UTF_8));
    private static final Duration PLUGIN_DEADLINE = Duration.ofSeconds(30);

    @TempDir
    static Path work;

    /**
     * The test holiday. holiday-calendar keeps a table of dates from a year before to two years after the server's
     * clock, so a fixed date would fall out of it one day: a week from now, 10:00 in Singapore.
     */
    private static final LocalDate HOLIDAY = LocalDate.now(ZoneOffset.UTC).plusDays(7);
    private static final String ON_HOLIDAY = HOLIDAY + "T02:00:00Z";
    private static final String DAY_AFTER = HOLIDAY.plusDays(1) + "T02:00:00Z";

    private static Path plugins;
    private static HttpServer crm;
    private static Process server;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        plugins = Files.createDirectories(work.resolve("plugins"));
        port = freePort();
        ProcessBuilder builder = new ProcessBuilder(javaBin(), "-Xmx512m", "-jar", launcherJar())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("server.log").toFile()));
        builder.environment().put("CALLROUTE_PORT", Integer.toString(port));
        builder.environment().put("CALLROUTE_RULES_DIR", System.getProperty("callroute.rules.dir"));
        builder.environment().put("CALLROUTE_PLUGINS_DIR", plugins.toString());
        builder.environment().put("CALLROUTE_ADMIN_PASSWORD", "plugin-drop-in-it-pw");
        builder.environment().put("CALLROUTE_WEBHOOK_AUTH", WEBHOOK_SECRET);
        server = builder.start();
        awaitReady();
    }

    @AfterAll
    static void stopServer() throws InterruptedException, IOException {
        if (crm != null) {
            crm.stop(0);
        }
        Path log = work.resolve("server.log");
        if (Files.exists(log)) {   // kept next to the failsafe reports for diagnosis
            Files.copy(log, Path.of("target", "plugin-drop-in-server.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void exampleJarsDroppedIntoARunningServerAreListedEnabledAndAnswerCalls() throws Exception {
        drop(Path.of(System.getProperty("callroute.plugin.agent-pool.jar")), "agent-pool.jar");
        drop(Path.of(System.getProperty("callroute.plugin.holiday-calendar.jar")), "holiday-calendar.jar");
        drop(Path.of(System.getProperty("callroute.plugin.http-lookup.jar")), "http-lookup.jar");
        awaitPluginStatus("agent-pool", "disabled");
        awaitPluginStatus("holiday-calendar", "disabled");
        awaitPluginStatus("http-lookup", "disabled");
        assertThat(send("GET", "/api/plugins", null, null).body())
                .contains("\"agent-pool\"").contains("\"holiday-calendar\"").contains("\"http-lookup\"");

        Path calendar = work.resolve("holidays.ics");
        Files.writeString(calendar, String.join("\r\n",
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//callroute//plugin-it//EN",
                "BEGIN:VEVENT", "UID:test-day@callroute.io", "DTSTAMP:20250101T000000Z",
                "DTSTART;VALUE=DATE:" + HOLIDAY.format(DateTimeFormatter.BASIC_ISO_DATE),
                "DTEND;VALUE=DATE:" + HOLIDAY.plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE), "SUMMARY:Test Day",
                "END:VEVENT", "END:VCALENDAR", ""));
        HttpResponse<String> agentPool = send("PUT", "/api/plugins/agent-pool", "application/json", """
                {"enabled": true, "settings": {"agents": "+6562220001,+6562220002", "strategy": "round-robin"}}""");
        assertThat(agentPool.statusCode()).as(agentPool.body()).isEqualTo(200);
        HttpResponse<String> holiday = send("PUT", "/api/plugins/holiday-calendar", "application/json",
                "{\"enabled\": true, \"settings\": {\"calendar\": " + jsonString(calendar.toString())
                        + ", \"zone\": \"Asia/Singapore\"}}");
        assertThat(holiday.statusCode()).as(holiday.body()).isEqualTo(200);
        // A real HTTP service for http-lookup: the SG fixture's caller is a gold customer, anyone else unknown.
        crm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        crm.createContext("/crm/", exchange -> {
            boolean known = exchange.getRequestURI().toString().contains("6598765432");
            byte[] answer = known ? "{\"tier\":\"gold\"}".getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(known ? 200 : 404, known ? answer.length : -1);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        crm.start();
        HttpResponse<String> lookup = send("PUT", "/api/plugins/http-lookup", "application/json",
                "{\"enabled\": true, \"settings\": {\"url\": \"http://127.0.0.1:" + crm.getAddress().getPort()
                        + "/crm/{number}\", \"fields\": \"tier\", \"timeoutMillis\": 1000}}");
        assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(200);
        awaitPluginStatus("agent-pool", "enabled");
        awaitPluginStatus("holiday-calendar", "enabled");
        awaitPluginStatus("http-lookup", "enabled");

        importRuleSet("plugin-demo", """
                ruleSet: plugin-demo
                defaultZone: Asia/Singapore
                defaults:
                  say: { voiceProfile: en-US-BenjaminRUS }
                rules:
                  - id: sg-plugin-holiday
                    priority: 100
                    when:
                      callStatus: CALL_RECEIVED
                      virtualNumberRef: vn-sg-ivr-01
                      facts: { holiday.today: true }
                    then:
                      steps:
                        - say: { text: "Closed for the plugin holiday." }
                        - hangup
                  - id: sg-vip
                    priority: 90
                    when:
                      callStatus: CALL_RECEIVED
                      virtualNumberRef: vn-sg-ivr-01
                      facts: { lookup.tier: gold }
                    then:
                      steps:
                        - say: { text: "Welcome back, gold customer." }
                        - hangup
                  - id: gb-agents
                    priority: 50
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: GB-LDN-0958 }
                    then:
                      steps:
                        - nextAgent: {}
                """);
        publish("example plugins");

        HttpResponse<String> onHoliday = call("vca_inbound_ivr_call_received_sg.json", ON_HOLIDAY);
        assertThat(onHoliday.statusCode()).isEqualTo(200);
        assertThat(onHoliday.body()).contains("Closed for the plugin holiday.").contains("hangup");
        // The next day is no holiday: the example's rules answer as before.
        HttpResponse<String> nextDay = call("vca_inbound_ivr_call_received_sg.json", DAY_AFTER);
        assertThat(nextDay.statusCode()).isEqualTo(200);
        assertThat(nextDay.body()).as("no holiday; the CRM knows the caller").contains("Welcome back, gold customer.")
                .doesNotContain("plugin holiday");

        HttpResponse<String> first = call("vca_inbound_ivr_call_received_gb.json", null);
        HttpResponse<String> second = call("vca_inbound_ivr_call_received_gb.json", null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("makeCall").contains("+6562220001").doesNotContain("+6562220002");
        assertThat(second.body()).contains("makeCall").contains("+6562220002").doesNotContain("+6562220001");
    }

    @Test
    @Order(2)
    void anIncompatiblePluginIsReportedNotLoadedAndTheServerKeepsAnswering() throws Exception {
        Path jar = buildPlugin("future-plugin", "future-plugin", "\"2.0\"", "from the future");
        drop(jar, "future-plugin.jar");
        String listed = awaitPluginStatus("future-plugin", "incompatible");
        assertThat(field(listed, "reason")).isNotBlank().contains("2.0");

        HttpResponse<String> enable = send("PUT", "/api/plugins/future-plugin", "application/json",
                "{\"enabled\": true}");
        assertThat(enable.statusCode()).isEqualTo(409);
        assertThat(send("GET", "/health/ready", null, null).statusCode()).isEqualTo(200);
        assertThat(call("vca_inbound_ivr_call_received_sg.json", ON_HOLIDAY).body())
                .contains("Closed for the plugin holiday.");
    }

    @Test
    @Order(3)
    void aReplacedJarChangesBehaviourWithoutRestartAndARemovedOneFailsValidationOnly() throws Exception {
        Path v1 = buildPlugin("greeter-v1", "greeter", "io.callroute.plugin.PluginApi.VERSION", "Greetings v1");
        drop(v1, "greeter.jar");
        awaitPluginStatus("greeter", "disabled");
        HttpResponse<String> enable = send("PUT", "/api/plugins/greeter", "application/json", "{\"enabled\": true}");
        assertThat(enable.statusCode()).as(enable.body()).isEqualTo(200);
        awaitPluginStatus("greeter", "enabled");

        importRuleSet("plugin-greet", """
                ruleSet: plugin-greet
                defaultZone: Australia/Sydney
                rules:
                  - id: au-greet
                    priority: 1000
                    when: { callStatus: CALL_RECEIVED, virtualNumberRef: syd-vn-1234 }
                    then:
                      steps:
                        - greet: {}
                """);
        publish("greeter");
        assertThat(call("vca_inbound_ivr_call_received_au.json", null).body()).contains("Greetings v1");

        // Version 2 under the same file name, while the server runs.
        Path v2 = buildPlugin("greeter-v2", "greeter", "io.callroute.plugin.PluginApi.VERSION",
                "Greetings from version two");
        drop(v2, "greeter.jar");
        String answer = awaitCall("vca_inbound_ivr_call_received_au.json",
                body -> body.contains("Greetings from version two"));
        assertThat(answer).doesNotContain("Greetings v1");
        assertThat(field(awaitPluginStatus("greeter", "enabled"), "version")).isEqualTo("2");

        // Removed: rules that need it no longer validate; calls that use it get the fallback, the others are untouched.
        Files.delete(plugins.resolve("greeter.jar"));
        String validation = awaitValidation(body -> body.contains("greet") && body.contains("au-greet"));
        assertThat(validation).contains("greet");
        // Calls running on it may finish during a short grace; after that the step answers the fallback, never a 5xx.
        String orphaned = awaitCall("vca_inbound_ivr_call_received_au.json", body -> !body.contains("Greetings"));
        assertThat(orphaned).contains("\"say\"").contains("hangup");
        HttpResponse<String> holiday = call("vca_inbound_ivr_call_received_sg.json", ON_HOLIDAY);
        assertThat(holiday.statusCode()).isEqualTo(200);
        assertThat(holiday.body()).contains("Closed for the plugin holiday.");
        assertThat(call("vca_inbound_ivr_call_received_gb.json", null).body()).contains("makeCall");
        assertThat(server.isAlive()).isTrue();
    }

    // ------------------------------------------------------------------------------------------------ plugins

    /** Copies a jar in under a hidden name, then renames it: the host ignores dot files, so it never sees half a jar. */
    private static void drop(Path jar, String name) throws IOException {
        Path hidden = plugins.resolve("." + name + ".part");
        Files.copy(jar, hidden, StandardCopyOption.REPLACE_EXISTING);
        // A new modification time even when a replacement has the same size within the same clock tick.
        Files.setLastModifiedTime(hidden, FileTime.from(Instant.now()));
        Files.move(hidden, plugins.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A one-class plugin compiled against the plugin API jar; its action {@code greet} says {@code text}. */
    private static Path buildPlugin(String dir, String name, String apiVersionExpression, String text)
            throws IOException {
        Path root = Files.createDirectories(work.resolve("build").resolve(dir));
        Path sources = Files.createDirectories(root.resolve("src/it/plugin"));
        Path classes = Files.createDirectories(root.resolve("classes"));
        String version = text.endsWith("two") ? "2" : "1";
        Files.writeString(sources.resolve("TestPlugin.java"), """
                package it.plugin;

                import io.callroute.plugin.*;
                import java.util.List;
                
                public final class TestPlugin implements CallroutePlugin {
                    @Override public String name() { return "%s"; }
                    @Override public String version() { return "%s"; }
                    @Override public String targetApiVersion() { return %s; }
                    @Override public List<ActionProvider> actionProviders() {
                        return List.of(new ActionProvider() {
                            @Override public String id() { return "greet"; }
                            @Override public List<CallAction> build(Parameters parameters, CallContext call) {
                                return List.of(new Say("%s", "en-US-BenjaminRUS"), new Hangup());
                            }
                        });
                    }
                }
                """.formatted(name, version, apiVersionExpression, text));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK, not a JRE, runs the tests").isNotNull();
        int result = compiler.run(null, null, null, "--release", "17", "-proc:none",
                "-cp", System.getProperty("callroute.plugin.api.jar"),
                "-d", classes.toString(), sources.resolve("TestPlugin.java").toString());
        assertThat(result).as("compiling the test plugin").isZero();

        Path jar = root.resolve(name + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path classFile : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(classFile));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/io.callroute.plugin.CallroutePlugin"));
            out.write("it.plugin.TestPlugin\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** Polls {@code GET /api/plugins/{name}} until the plugin has that status; answers its JSON. */
    private static String awaitPluginStatus(String name, String status) throws Exception {
        Pattern wanted = Pattern.compile("\"status\"\\s*:\\s*\"" + status + "\"");
        Instant deadline = Instant.now().plus(PLUGIN_DEADLINE);
        String last = "(no answer)";
        while (Instant.now().isBefore(deadline)) {
            assertServerAlive();
            HttpResponse<String> plugin = send("GET", "/api/plugins/" + name, null, null);
            last = plugin.statusCode() + " " + plugin.body();
            if (plugin.statusCode() == 200 && wanted.matcher(plugin.body()).find()) {
                return plugin.body();
            }
            Thread.sleep(200);   // polling a condition with a deadline
        }
        throw new AssertionError("plugin " + name + " not " + status + " within " + PLUGIN_DEADLINE + "; last: "
                + last + "\n" + log());
    }

    // ------------------------------------------------------------------------------------------------ rules

    private static void importRuleSet(String name, String yaml) throws Exception {
        HttpResponse<String> imported = send("PUT", "/api/rule-sets/" + name + "/yaml", "application/yaml", yaml);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    }

    private static void publish(String comment) throws Exception {
        HttpResponse<String> published = send("POST", "/api/versions", "application/json",
                "{\"comment\": " + jsonString(comment) + "}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
    }

    private static String awaitValidation(Predicate<String> condition) throws Exception {
        Instant deadline = Instant.now().plus(PLUGIN_DEADLINE);
        String last = "(no answer)";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> validation = send("POST", "/api/validate", null, null);
            last = validation.statusCode() + " " + validation.body();
            if (validation.statusCode() == 200 && condition.test(validation.body())) {
                return validation.body();
            }
            Thread.sleep(200);   // polling a condition with a deadline
        }
        throw new AssertionError("validation never matched; last: " + last);
    }

    // ------------------------------------------------------------------------------------------------ calls

    /** Posts a fixture with a fresh eventId and callId (a repeated eventId is answered from a cache). */
    private static HttpResponse<String> call(String fixture, String timestamp) throws Exception {
        String body = Files.readString(Path.of(System.getProperty("callroute.fixtures.dir")).resolve(fixture));
        body = replaceField(body, "eventId", UUID.randomUUID().toString());
        body = replaceField(body, "callId", UUID.randomUUID().toString());
        if (timestamp != null) {
            body = replaceField(body, "timestamp", timestamp);
        }
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri("/webhooks/vca"))
                .header("Content-Type", "application/json").header("Authorization", WEBHOOK_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("webhook answer to %s: %s", fixture, answer.body()).isLessThan(500);
        return answer;
    }

    private static String awaitCall(String fixture, Predicate<String> condition) throws Exception {
        Instant deadline = Instant.now().plus(PLUGIN_DEADLINE);
        String last = "(no answer)";
        while (Instant.now().isBefore(deadline)) {
            assertServerAlive();
            HttpResponse<String> answer = call(fixture, null);
            last = answer.body();
            if (answer.statusCode() == 200 && condition.test(last)) {
                return last;
            }
            Thread.sleep(200);   // polling a condition with a deadline
        }
        throw new AssertionError("no matching answer within " + PLUGIN_DEADLINE + "; last: " + last + "\n" + log());
    }

    private static String replaceField(String json, String field, String value) {
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*\"[^\"]*\"").matcher(json);
        assertThat(matcher.find()).as("fixture has %s", field).isTrue();
        return matcher.replaceFirst(Matcher.quoteReplacement("\"" + field + "\": \"" + value + "\""));
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    private static HttpResponse<String> send(String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", ADMIN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static void awaitReady() throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            assertServerAlive();
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(uri("/health/ready")).build(),
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

    private static void assertServerAlive() throws IOException {
        if (!server.isAlive()) {
            throw new AssertionError("server exited with " + server.exitValue() + ":\n" + log());
        }
    }

    private static String log() throws IOException {
        Path log = work.resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "(no log)";
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
}
