package io.callroute.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds callroute.war: {@code CALLROUTE_WAR} if set, else next to the launcher jar. */
final class WarLocator {

    private WarLocator() {
    }

    static Path locate() {
        String configured = LauncherSettings.read("CALLROUTE_WAR");
        Path war = configured != null ? Path.of(configured) : besideLauncher();
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("callroute.war not found at " + war.toAbsolutePath()
                    + " (build it with ./mvnw package, or set CALLROUTE_WAR)");
        }
        return war.toAbsolutePath();
    }

    private static Path besideLauncher() {
        try {
            Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/callroute.jar and, when run from an IDE, target/classes both sit next to target/callroute.war
            return jar.getParent().resolve("callroute.war");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the launcher jar is", e);
        }
    }
}
