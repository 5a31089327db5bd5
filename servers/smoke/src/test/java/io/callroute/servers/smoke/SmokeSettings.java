package io.callroute.servers.smoke;

import java.nio.file.Path;

/**
 * What the server module's failsafe configuration tells the suite (servers/pom.xml sets every one of these), read in
 * one place so a missing setting fails with its name instead of a NullPointerException deep in a test.
 */
final class SmokeSettings {

    private SmokeSettings() {
    }

    static Path war() {
        return Path.of(required("callroute.war"));
    }

    static Path fixtures() {
        return Path.of(required("callroute.fixtures.dir"));
    }

    static Path dataDir() {
        return Path.of(required("callroute.data.dir"));
    }

    static Path pluginsDir() {
        return Path.of(required("callroute.plugins.dir"));
    }

    static String adminPassword() {
        return required("callroute.admin.password");
    }

    static String serverName() {
        return required("server.name");
    }

    static String serverVersion() {
        return required("server.version");
    }

    /** The unpacked server's folder; its process is the one whose command line names it. Empty for embedded ones. */
    static String serverHome() {
        return System.getProperty("server.home", "");
    }

    /**
     * The file a server-managed store (CALLROUTE_DB_JNDI) keeps in the data folder, when the server module gives
     * Callroute the server's DataSource instead of a JDBC URL; empty when Callroute pools its own.
     */
    static String serverStoreFile() {
        return System.getProperty("callroute.store.file", "").trim();
    }

    static Path report() {
        return Path.of(required("server.report"));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the smoke suite from a"
                    + " server module (servers/<server>), whose parent servers/pom.xml sets it");
        }
        return value;
    }
}
