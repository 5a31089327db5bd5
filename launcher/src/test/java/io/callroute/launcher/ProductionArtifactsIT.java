package io.callroute.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The benchmark anchor (bench/anchor: a static-callflow endpoint for the webhook load test) must never ship: the
 * packaged launcher, its lib/ folder and the callroute.war beside it — and every jar inside that WAR — hold no class
 * of {@code io.callroute.bench}, no bench jar, and no service file that would make Jersey discover one.
 */
class ProductionArtifactsIT {

    private static final String BENCH_PACKAGE = "io/callroute/bench/";
    private static final String JERSEY_DISCOVERY = "META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable";

    @Test
    void productionArtifactsHoldNothingOfTheBenchmarks() throws IOException {
        Path launcherJar = Path.of(System.getProperty("callroute.launcher.jar"));
        Path target = launcherJar.getParent();
        List<Path> artifacts = new ArrayList<>(List.of(launcherJar, target.resolve("callroute.war")));
        try (Stream<Path> lib = Files.list(target.resolve("lib"))) {
            lib.filter(path -> path.toString().endsWith(".jar")).forEach(artifacts::add);
        }

        List<String> found = new ArrayList<>();
        int entries = 0;
        for (Path artifact : artifacts) {
            assertThat(artifact).isRegularFile();
            try (InputStream in = Files.newInputStream(artifact)) {
                entries += scan(artifact.getFileName().toString(), in, found);
            }
        }

        assertThat(found).as("benchmark code in production artifacts").isEmpty();
        // The WAR alone has hundreds of entries (and its jars thousands): the scan really looked inside.
        assertThat(entries).isGreaterThan(10_000);
    }

    /** Scans a zip stream, descending into nested jars; returns how many entries it saw. */
    private static int scan(String where, InputStream in, List<String> found) throws IOException {
        int entries = 0;
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            entries++;
            String name = entry.getName();
            String path = where + "!/" + name;
            if (name.contains(BENCH_PACKAGE) || name.contains("callroute-bench")) {
                found.add(path);
            } else if (name.endsWith(JERSEY_DISCOVERY)
                    && new String(zip.readAllBytes(), StandardCharsets.UTF_8).contains("io.callroute.bench")) {
                found.add(path + " names a bench class");
            } else if (name.endsWith(".jar") || name.endsWith(".war")) {
                // ZipInputStream.close would close the outer stream too, so the nested one is only read.
                entries += scan(path, zip, found);
            }
        }
        return entries;
    }
}
