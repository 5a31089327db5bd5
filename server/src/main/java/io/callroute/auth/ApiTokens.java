package io.callroute.auth;

import io.callroute.audit.AuditLog;
import io.callroute.http.ApiJson;
import io.callroute.store.StoreException;
import io.callroute.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Personal API tokens for automation ({@code Authorization: Bearer crt_…}). A token acts as its owner with the
 * owner's current role, and stops working when revoked or when the owner is disabled or deleted.
 *
 * <p>The secret is shown once, at creation; the store keeps only its SHA-256, which is also how a request's token is
 * looked up (an indexed equality, no comparison loop to time). {@code last_used_at} is refreshed at most once a
 * minute so that busy automation does not turn every read into a write.
 */
public final class ApiTokens {

    /** Every token starts with this, so a leaked one is recognisable (secret scanners, logs). */
    public static final String PREFIX = "crt_";
    public static final int MAX_NAME_LENGTH = 100;
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final Clock clock;
    private final AuditLog audit;

    public ApiTokens(DataSource dataSource, Clock clock, AuditLog audit) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.audit = audit;
    }

    /** A token as listed: never the secret. */
    public record ApiToken(long id, String name, Instant createdAt, Instant lastUsedAt) {
    }

    /** A token just created, with its secret (shown this once). */
    public record NewToken(long id, String name, Instant createdAt, String token) {
    }

    /** Creates a token for the user and audits it; the name must already be checked. */
    public NewToken create(String username, String name) {
        String secret = PREFIX + Secrets.randomToken(32);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return Transactions.inTransaction(dataSource, "creating a token for " + username, connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO api_token (username, name,"
                    + " token_hash, created_at) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, username);
                insert.setString(2, name);
                insert.setString(3, Secrets.sha256Hex(secret));
                insert.setTimestamp(4, Timestamp.from(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            audit.record(connection, username, "token.created", "token:" + id, null,
                    ApiJson.text(Map.of("id", id, "name", name, "owner", username)));
            return new NewToken(id, name, now, secret);
        });
    }

    /** The user's tokens that are not revoked, newest first. */
    public List<ApiToken> list(String username) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, name, created_at, last_used_at"
                     + " FROM api_token WHERE username = ? AND revoked_at IS NULL ORDER BY id DESC")) {
            select.setString(1, username);
            try (ResultSet rows = select.executeQuery()) {
                List<ApiToken> tokens = new ArrayList<>();
                while (rows.next()) {
                    Timestamp lastUsed = rows.getTimestamp(4);
                    tokens.add(new ApiToken(rows.getLong(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
                            lastUsed == null ? null : lastUsed.toInstant()));
                }
                return tokens;
            }
        } catch (SQLException e) {
            throw new StoreException("listing the tokens of " + username, e);
        }
    }

    /** Revokes one of the user's own tokens and audits it; false when the user has no such active token. */
    public boolean revoke(String username, long id) {
        return Transactions.inTransaction(dataSource, "revoking token " + id, connection -> {
            String name;
            try (PreparedStatement select = connection.prepareStatement("SELECT name FROM api_token"
                    + " WHERE id = ? AND username = ? AND revoked_at IS NULL FOR UPDATE")) {
                select.setLong(1, id);
                select.setString(2, username);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return false;
                    }
                    name = rows.getString(1);
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE api_token SET revoked_at = ? WHERE id = ?")) {
                update.setTimestamp(1, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
                update.setLong(2, id);
                update.executeUpdate();
            }
            audit.record(connection, username, "token.revoked", "token:" + id,
                    ApiJson.text(Map.of("id", id, "name", name, "owner", username)), null);
            return true;
        });
    }

    /** The actor a token stands for, when it is known, not revoked and its owner is enabled. */
    public Optional<Actor> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try (Connection connection = dataSource.getConnection()) {
            long id;
            Actor actor;
            Timestamp lastUsed;
            try (PreparedStatement select = connection.prepareStatement("SELECT t.id, u.username, u.role,"
                    + " t.last_used_at FROM api_token t JOIN app_user u ON u.username = t.username"
                    + " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = FALSE")) {
                select.setString(1, Secrets.sha256Hex(token));
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    id = rows.getLong(1);
                    actor = new Actor(rows.getString(2), Role.valueOf(rows.getString(3)), "token");
                    lastUsed = rows.getTimestamp(4);
                }
            }
            if (lastUsed == null || lastUsed.toInstant().isBefore(now.minus(LAST_USED_PRECISION))) {
                try (PreparedStatement touch = connection.prepareStatement(
                        "UPDATE api_token SET last_used_at = ? WHERE id = ?")) {
                    touch.setTimestamp(1, Timestamp.from(now));
                    touch.setLong(2, id);
                    touch.executeUpdate();
                }
            }
            return Optional.of(actor);
        } catch (SQLException e) {
            throw new StoreException("checking an API token", e);
        }
    }
}
