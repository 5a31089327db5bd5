package io.callroute.launcher;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The few settings the launcher itself needs, read the same way the server reads all of them: the system property in
 * lower-case dotted form first, then the environment variable.
 */
record LauncherSettings(int port, Path dataDir) {

    static LauncherSettings fromProcess() {
        String port = read("CALLROUTE_PORT");
        String dataDir = read("CALLROUTE_DATA_DIR");
        int portNumber;
        try {
            portNumber = port == null ? 8080 : Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CALLROUTE_PORT: must be a port number, not \"" + port + "\"");
        }
        if (portNumber < 0 || portNumber > 65535) {
            throw new IllegalArgumentException("CALLROUTE_PORT: must be between 0 and 65535, not " + portNumber);
        }
        return new LauncherSettings(portNumber,
                Path.of(dataDir == null ? "./data" : dataDir).toAbsolutePath().normalize());
    }

    static String read(String environmentName) {
        String value = System.getProperty(environmentName.toLowerCase(Locale.ROOT).replace('_', '.'));
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentName);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
