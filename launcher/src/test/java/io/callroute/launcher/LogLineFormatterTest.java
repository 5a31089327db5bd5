package io.callroute.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** The launcher's fast log line is exactly what SimpleFormatter writes with the launcher's format. */
class LogLineFormatterTest {

    @Test
    void writesWhatSimpleFormatterWritesWithTheLaunchersFormat() {
        ZoneId zone = ZoneId.systemDefault();
        LogLineFormatter fast = new LogLineFormatter(zone);
        for (LogRecord record : records()) {
            assertThat(fast.format(record)).isEqualTo(simple(record));
        }
    }

    private static LogRecord[] records() {
        LogRecord plain = record(Level.INFO, "Callroute ready on http://localhost:8080/ in 4321 ms since JVM start");
        LogRecord withParameters = record(Level.WARNING, "CALL_ACTION {0} answered with the fallback ({1})");
        withParameters.setParameters(new Object[] {"e-1", "no_match"});
        LogRecord failed = record(Level.SEVERE, "Unexpected failure");
        failed.setThrown(new IllegalStateException("broken", new RuntimeException("cause")));
        LogRecord fine = record(Level.FINE, "");
        fine.setInstant(Instant.parse("2026-01-01T00:00:00.007Z"));
        return new LogRecord[] {plain, withParameters, failed, fine};
    }

    private static LogRecord record(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("io.callroute.webhook.CallActionService");
        record.setInstant(Instant.parse("2026-11-26T03:02:39.387654Z"));
        return record;
    }

    /** SimpleFormatter with the launcher's format (what it wrote before); it reads the format when created. */
    private static String simple(LogRecord record) {
        String previous = System.getProperty("java.util.logging.SimpleFormatter.format");
        System.setProperty("java.util.logging.SimpleFormatter.format", LogLineFormatter.FORMAT);
        try {
            return new SimpleFormatter().format(record);
        } finally {
            if (previous == null) {
                System.clearProperty("java.util.logging.SimpleFormatter.format");
            } else {
                System.setProperty("java.util.logging.SimpleFormatter.format", previous);
            }
        }
    }
}
