package io.callroute.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The real deployable, target/callroute.war as `package` built it — the tests deploy exactly what users deploy.
 * Each deployment starts on an empty data folder, so the store is seeded from the example rules every time.
 */
final class DeployedWar {

    private DeployedWar() {
    }

    static WebArchive freshDeployment() {
        wipe(Path.of(System.getProperty("callroute.data.dir", "target/it-data")));
        File war = new File(System.getProperty("callroute.war", "target/callroute.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " does not exist: run the integration tests with `./mvnw verify`");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    private static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
