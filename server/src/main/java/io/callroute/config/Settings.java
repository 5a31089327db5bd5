package io.callroute.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The server's runtime configuration (ARCHITECTURE.md §5), read once at start. Secrets are never part of
 * {@link #toString()}.
 *
 * @param port                 HTTP port of the standalone server
 * @param dataDir              where the H2 database and other state live
 * @param databaseUrl          JDBC URL of the store (our own pool)
 * @param databaseJndi         JNDI name of a DataSource the application server manages, used instead of
 *                             {@code databaseUrl}; null for none
 * @param databaseUser         user for {@code databaseUrl}, or null for the URL's own
 * @param databasePassword     its password, or null; never logged
 * @param databasePoolSize     most connections our own pool holds
 * @param databasePoolTimeout  longest a store call waits for a free connection of our own pool
 * @param pluginsDir           drop-in plugin jars
 * @param rulesDir             YAML rule sets imported on first start when the store is empty
 * @param adminPassword        initial password of user admin (null: generated)
 * @param webhookAuthorization expected Authorization header on webhooks (null: not checked)
 * @param webhookAllow         comma-separated CIDR allowlist for webhook sources (null: any)
 * @param trustedProxies       comma-separated CIDR blocks of the proxies in front of the server, whose
 *                             {@code X-Forwarded-For} names the client (null: the peer is the client)
 * @param fallbackMessage      what the fallback callflow says before hanging up
 * @param fallbackVoiceProfile the voice of the fallback message
 * @param decisionDeadline     longest a decision may take before the fallback is answered
 * @param maxWebhookBytes      largest webhook body accepted (413 above)
 * @param maskingRetention     how long ended and expired masking sessions are kept before the purge deletes them
 * @param callLogNumbers       whether the call log stores phone numbers masked (default) or in full
 * @param callLogRetention     how long webhook events stay in the call log before the purge deletes them
 * @param callLogQueue         how many call-log events may wait for the writer before new ones are shed
 * @param nodeId               this node's name in logs and in the database's view of its connections
 * @param syncPoll             how often the node looks in the store for publishes and plugin changes made by other
 *                             nodes, besides being told at once on PostgreSQL
 */
public record Settings(int port, Path dataDir, String databaseUrl, String databaseJndi, String databaseUser,
                       String databasePassword, int databasePoolSize, Duration databasePoolTimeout,
                       Path pluginsDir, Path rulesDir,
                       String adminPassword, String webhookAuthorization, String webhookAllow, String trustedProxies,
                       String fallbackMessage, String fallbackVoiceProfile, Duration decisionDeadline,
                       int maxWebhookBytes, Duration maskingRetention, CallLogNumbers callLogNumbers,
                       Duration callLogRetention, int callLogQueue, String nodeId, Duration syncPoll) {

    /** {@code CALLROUTE_CALL_LOG_NUMBERS}: what the call log keeps of phone numbers (and keys that may be a PIN). */
    public enum CallLogNumbers {
        /** Every number masked except the event's own virtual number; several keys pressed are not kept. */
        MASKED,
        /** Bodies stored as received. */
        FULL
    }

    public static final String DEFAULT_FALLBACK_MESSAGE =
            "We are sorry, we cannot take your call right now. Please try again later. Goodbye.";
    public static final String DEFAULT_VOICE_PROFILE = "en-US-BenjaminRUS";
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Reads every setting, applying the documented defaults; throws {@link InvalidSettingException} on bad values. */
    public static Settings read(SettingSource source) {
        Path dataDir = Path.of(orDefault(source.get("CALLROUTE_DATA_DIR"), "./data")).toAbsolutePath().normalize();
        String databaseJndi = source.get("CALLROUTE_DB_JNDI");
        if (databaseJndi != null && source.get("CALLROUTE_DB_URL") != null) {
            throw new InvalidSettingException("CALLROUTE_DB_JNDI", "names the application server's DataSource; set it"
                    + " or CALLROUTE_DB_URL, not both");
        }
        String databaseUrl = orDefault(source.get("CALLROUTE_DB_URL"),
                "jdbc:h2:file:" + dataDir.resolve("callroute").toString().replace('\\', '/'));
        // 4 connections on H2, 10 on a database server: the defaults of store.PoolSettings, which says why.
        int defaultPoolSize = databaseUrl.startsWith("jdbc:h2:") ? 4 : 10;
        return new Settings(
                integer(source, "CALLROUTE_PORT", 8080, 1, 65535),
                dataDir,
                databaseUrl,
                databaseJndi,
                source.get("CALLROUTE_DB_USER"),
                source.get("CALLROUTE_DB_PASSWORD"),
                integer(source, "CALLROUTE_DB_POOL_SIZE", defaultPoolSize, 1, 1000),
                Duration.ofMillis(integer(source, "CALLROUTE_DB_POOL_TIMEOUT_MS", 5000, 100, 600_000)),
                Path.of(orDefault(source.get("CALLROUTE_PLUGINS_DIR"), "./plugins")).toAbsolutePath().normalize(),
                Path.of(orDefault(source.get("CALLROUTE_RULES_DIR"), "./rules")).toAbsolutePath().normalize(),
                source.get("CALLROUTE_ADMIN_PASSWORD"),
                source.get("CALLROUTE_WEBHOOK_AUTH"),
                source.get("CALLROUTE_WEBHOOK_ALLOW"),
                source.get("CALLROUTE_TRUSTED_PROXIES"),
                orDefault(source.get("CALLROUTE_FALLBACK_MESSAGE"), DEFAULT_FALLBACK_MESSAGE),
                orDefault(source.get("CALLROUTE_FALLBACK_VOICE_PROFILE"), DEFAULT_VOICE_PROFILE),
                Duration.ofMillis(integer(source, "CALLROUTE_DECISION_DEADLINE_MS", 2000, 1, 60_000)),
                integer(source, "CALLROUTE_WEBHOOK_MAX_BYTES", 65_536, 1024, 16 * 1024 * 1024),
                duration(source, "CALLROUTE_MASKING_RETENTION", Duration.ofDays(30)),
                callLogNumbers(source),
                positive(source, "CALLROUTE_CALL_LOG_RETENTION", Duration.ofDays(30)),
                integer(source, "CALLROUTE_CALL_LOG_QUEUE", 10_000, 100, 1_000_000),
                nodeId(source),
                Duration.ofMillis(integer(source, "CALLROUTE_SYNC_POLL_MS", 1000, 100, 60_000)));
    }

    /**
     * {@code CALLROUTE_NODE_ID}, else the host name ({@code HOSTNAME} is the pod's name on Kubernetes), so that the
     * nodes of a cluster tell themselves apart in logs without being configured one by one.
     */
    private static String nodeId(SettingSource source) {
        String given = source.get("CALLROUTE_NODE_ID");
        if (given != null) {
            if (!NODE_ID.matcher(given).matches()) {
                throw new InvalidSettingException("CALLROUTE_NODE_ID", "must be 1 to 64 letters, digits, '.', '_' or"
                        + " '-', not \"" + abbreviate(given) + "\"");
            }
            return given;
        }
        String host = source.get("HOSTNAME");
        if (host == null) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "callroute";
            }
        }
        String cleaned = host.replaceAll("[^A-Za-z0-9._-]", "-");
        return cleaned.isEmpty() ? "callroute" : cleaned.substring(0, Math.min(64, cleaned.length()));
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static int integer(SettingSource source, String name, int fallback, int min, int max) {
        String raw = source.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw new InvalidSettingException(name, "must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(name, "must be a whole number, not \"" + abbreviate(raw) + "\"");
        }
    }

    /** An ISO-8601 duration ({@code P30D}, {@code PT12H}), zero or more. */
    private static Duration duration(SettingSource source, String name, Duration fallback) {
        String raw = source.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            Duration value = Duration.parse(raw);
            if (value.isNegative()) {
                throw new InvalidSettingException(name, "must not be negative, not " + raw);
            }
            return value;
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(name, "must be an ISO-8601 duration such as P30D or PT12H, not \""
                    + abbreviate(raw) + "\"");
        }
    }

    private static CallLogNumbers callLogNumbers(SettingSource source) {
        String raw = source.get("CALLROUTE_CALL_LOG_NUMBERS");
        if (raw == null || raw.strip().equalsIgnoreCase("masked")) {
            return CallLogNumbers.MASKED;
        }
        if (raw.strip().equalsIgnoreCase("full")) {
            return CallLogNumbers.FULL;
        }
        throw new InvalidSettingException("CALLROUTE_CALL_LOG_NUMBERS", "must be masked or full, not \""
                + abbreviate(raw) + "\"");
    }

    /** A duration as {@link #duration} reads it that must also be longer than zero. */
    private static Duration positive(SettingSource source, String name, Duration fallback) {
        Duration value = duration(source, name, fallback);
        if (value.isZero()) {
            throw new InvalidSettingException(name, "must be longer than zero, e.g. P30D");
        }
        return value;
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 20 ? raw : raw.substring(0, 20) + "…";
    }

    @Override
    public String toString() {
        return "Settings[node=" + nodeId + ", port=" + port + ", dataDir=" + dataDir + (databaseJndi != null
                ? ", databaseJndi=" + databaseJndi : ", databaseUrl=" + redactUrl(databaseUrl)
                + (databaseUser == null ? "" : ", databaseUser=" + databaseUser)
                + ", databasePassword=" + (databasePassword == null ? "unset" : "set")
                + ", databasePool=" + databasePoolSize + " connections, " + databasePoolTimeout.toMillis()
                + "ms timeout")
                + ", pluginsDir=" + pluginsDir + ", rulesDir=" + rulesDir
                + ", adminPassword=" + (adminPassword == null ? "unset" : "set")
                + ", webhookAuthorization=" + (webhookAuthorization == null ? "unset" : "set")
                + ", webhookAllow=" + (webhookAllow == null ? "any" : webhookAllow)
                + ", trustedProxies=" + (trustedProxies == null ? "none" : trustedProxies)
                + ", decisionDeadline=" + decisionDeadline.toMillis() + "ms, maxWebhookBytes=" + maxWebhookBytes
                + ", maskingRetention=" + maskingRetention + ", callLogNumbers=" + callLogNumbers
                + ", callLogRetention=" + callLogRetention + ", callLogQueue=" + callLogQueue + ", syncPoll="
                + syncPoll.toMillis() + "ms]";
    }

    /** JDBC URLs may carry a password parameter; never log it. */
    private static String redactUrl(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
