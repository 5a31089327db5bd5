package io.callroute.servers.smoke;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;

/**
 * The operating-system process of the server under test, found by its command line naming the unpacked server's
 * folder (managed adapters start it as a child JVM), or this very JVM when the server runs embedded.
 */
record ServerProcess(long pid, boolean embedded) {

    static ServerProcess find(String serverHome) {
        if (serverHome.isBlank()) {
            return new ServerProcess(ProcessHandle.current().pid(), true);
        }
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != self)
                .filter(process -> process.info().commandLine().map(line -> line.contains(serverHome)).orElse(false))
                // the server JVM, not a launcher script that started it: the newest matching process
                .max(Comparator.comparing(process -> process.info().startInstant().orElse(java.time.Instant.MIN)))
                .map(process -> new ServerProcess(process.pid(), false))
                .orElseThrow(() -> new IllegalStateException("no process has " + serverHome + " on its command line"));
    }

    /** Resident set size in MiB from /proc (Linux), empty where there is no /proc. */
    Optional<Long> rssMebibytes() {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            return Files.readAllLines(status).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
