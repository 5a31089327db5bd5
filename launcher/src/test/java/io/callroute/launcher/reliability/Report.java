package io.callroute.launcher.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Where a reliability check writes its numbers: standard output (the failsafe report keeps it) and
 * {@code target/reliability/<check>.txt}, from which docs/RELIABILITY.md is filled in by hand.
 */
public final class Report {

    private Report() {
    }

    public static void write(String check, String text) throws IOException {
        String stamped = "# " + check + ", " + Instant.now() + ", load average " + loadAverage() + "\n" + text + "\n";
        System.out.println(stamped);
        Path dir = Files.createDirectories(Path.of("target", "reliability"));
        Files.writeString(dir.resolve(check + ".txt"), stamped);
    }

    /** The 1, 5 and 15 minute load averages: the machine is shared, and the numbers mean little without them. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Keeps the server log next to the failsafe reports. */
    public static void keepLog(String check, Path log) throws IOException {
        if (Files.exists(log)) {
            Path dir = Files.createDirectories(Path.of("target", "reliability"));
            Files.copy(log, dir.resolve(check + "-server.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
