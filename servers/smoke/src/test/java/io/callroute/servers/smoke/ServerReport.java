package io.callroute.servers.smoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * target/server-report.json of one smoke run: the server, its version, how long start plus deploy took, the server
 * process's memory, pass or fail per check, and notes; and the same as a table row, target/server-report.md, which
 * servers/run-matrix.sh assembles into docs/SERVERS.md.
 *
 * <p>The suite records facts as it learns them ({@link #startedAndDeployed}, {@link #note}); JUnit tells this
 * extension how each test ended, and the report is written once the class is done.
 */
public final class ServerReport implements TestWatcher, AfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static Double startAndDeploySeconds;
    private static Double redeploySeconds;
    private static Long rssMebibytes;
    private static final Map<String, String> NOTES = new LinkedHashMap<>();
    private static final Map<String, String> CHECKS = new LinkedHashMap<>();
    private static final List<String> FAILURES = new ArrayList<>();

    /**
     * The first ready answer: the time since this JVM started counts the container's start (managed adapters start
     * it from this JVM before the first test) and the deploy, up to a ready application.
     */
    static void startedAndDeployed(Instant ready) {
        Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        startAndDeploySeconds = seconds(Duration.between(jvmStart, ready));
    }

    static void redeployed(Duration took) {
        redeploySeconds = seconds(took);
    }

    static void memory(Optional<Long> rss) {
        rssMebibytes = rss.orElse(null);
    }

    static void note(String key, String value) {
        if (value != null && !value.isBlank()) {
            NOTES.put(key, value);
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        CHECKS.put(context.getDisplayName(), "pass");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        CHECKS.put(context.getDisplayName(), "fail");
        String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        FAILURES.add(context.getDisplayName() + ": " + cause.getClass().getSimpleName() + ": "
                + (message.length() > 300 ? message.substring(0, 300) + "…" : message));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        CHECKS.put(context.getDisplayName(), "aborted");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        boolean passed = !CHECKS.isEmpty() && CHECKS.values().stream().allMatch("pass"::equals);
        ObjectNode report = JSON.createObjectNode();
        report.put("server", SmokeSettings.serverName());
        report.put("version", SmokeSettings.serverVersion());
        report.put("result", passed ? "PASS" : "FAIL");
        report.put("startAndDeploySeconds", startAndDeploySeconds);
        report.put("redeploySeconds", redeploySeconds);
        report.put("rssMiB", rssMebibytes);
        report.put("java", System.getProperty("java.version"));
        report.put("finishedAt", Instant.now().toString());
        report.set("checks", JSON.valueToTree(CHECKS));
        report.set("failures", JSON.valueToTree(FAILURES));
        report.set("notes", JSON.valueToTree(NOTES));
        Path file = SmokeSettings.report();
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), report);
            Files.writeString(file.resolveSibling("server-report.md"), tableRow(passed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The report as a row of docs/SERVERS.md's table, so the script that assembles the table needs no JSON tool;
     * {@value #WALL} stands where the script puts Maven's wall time of the module.
     */
    private static String tableRow(boolean passed) {
        List<String> notes = new ArrayList<>();
        NOTES.forEach((key, value) -> notes.add(key + ": " + value));
        notes.addAll(FAILURES);
        return "| " + String.join(" | ", List.of(SmokeSettings.serverName(), SmokeSettings.serverVersion(),
                passed ? "PASS" : "FAIL", cell(startAndDeploySeconds), cell(redeploySeconds), cell(rssMebibytes),
                WALL, cell(String.join("; ", notes)))) + " |\n";
    }

    static final String WALL = "@WALL@";

    private static String cell(Object value) {
        return value == null ? "–" : value.toString().replace('|', '/').replace('\n', ' ');
    }

    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }
}
