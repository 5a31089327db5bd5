package io.callroute.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * The launcher's log line — {@code 2026-11-26 03:02:39.387 INFO    [logger] message} — written as
 * {@link java.util.logging.SimpleFormatter} writes it with the format {@link Launcher} sets
 * ({@value #FORMAT}), without {@code String.format}: the server logs every answered call, and formatting the line
 * that way cost more of a webhook's request thread than checking its signature (docs/PERFORMANCE.md).
 * {@code LogLineFormatterTest} compares the two.
 */
final class LogLineFormatter extends Formatter {

    static final String FORMAT = "%1$tF %1$tT.%1$tL %4$-7s [%3$s] %5$s%6$s%n";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final ZoneId zone;

    LogLineFormatter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160);
        TIME.formatTo(record.getInstant().atZone(zone), line);
        line.append(' ');
        String level = record.getLevel().getLocalizedName();
        line.append(level);
        for (int i = level.length(); i < 7; i++) {
            line.append(' ');
        }
        line.append(" [").append(record.getLoggerName()).append("] ").append(formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            PrintWriter out = new PrintWriter(trace);
            out.println();
            record.getThrown().printStackTrace(out);
            out.close();
            line.append(trace);
        }
        return line.append(System.lineSeparator()).toString();
    }
}
