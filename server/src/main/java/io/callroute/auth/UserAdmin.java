package io.callroute.auth;

import io.callroute.audit.AuditLog;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import io.callroute.store.Transactions;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Creating, changing and deleting users, each change checked, stored and audited in one transaction.
 *
 * <p>The server never lets itself be locked out: the last enabled admin cannot be deleted, demoted or disabled
 * (409). A password change or disabling ends the user's browser sessions, since either usually means the old
 * credentials must stop working now.
 */
public final class UserAdmin {

    private final DataSource dataSource;
    private final UserStore users;
    private final AdminSessions sessions;
    private final PasswordHasher hasher;
    private final AuditLog audit;

    public UserAdmin(DataSource dataSource, UserStore users, AdminSessions sessions, PasswordHasher hasher,
                     AuditLog audit) {
        this.dataSource = dataSource;
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.audit = audit;
    }

    /** The requested change; null fields stay as they are. */
    public record Change(Role role, String password, Boolean disabled) {
    }

    public List<User> list() {
        return users.list();
    }

    /** Creates a user; 400 for a bad name, role or password, 409 when the name is taken. */
    public User create(Actor actor, String username, String password, Role role) {
        Usernames.problem(username).ifPresent(problem -> {
            throw new ApiErrorException(400, "invalid_username", problem, "username");
        });
        checkPassword(username, password);
        if (role == null) {
            throw new ApiErrorException(400, "missing_field", "\"role\" is required: one of " + roleNames() + ".",
                    "role");
        }
        String hash = hasher.hash(password);   // slow on purpose; outside the transaction
        return Transactions.inTransaction(dataSource, "creating user " + username, connection -> {
            if (users.find(connection, username, true).isPresent()) {
                throw new ApiErrorException(409, "user_exists", "A user named " + username + " already exists.",
                        "username");
            }
            User created = users.insert(connection, username, hash, role);
            audit.record(connection, actor.username(), "user.created", target(username), null,
                    ApiJson.text(created.auditState()));
            return created;
        });
    }

    /** Changes a user; 404 when unknown, 409 when it would leave no enabled admin. */
    public User update(Actor actor, String username, Change change) {
        if (change.password() != null) {
            checkPassword(username, change.password());
        }
        String hash = change.password() == null ? null : hasher.hash(change.password());
        return Transactions.inTransaction(dataSource, "updating user " + username, connection -> {
            User before = users.find(connection, username, true).orElseThrow(() -> notFound(username));
            Role role = change.role() == null ? before.role() : change.role();
            boolean disabled = change.disabled() == null ? before.disabled() : change.disabled();
            boolean losesAdmin = before.role() == Role.ADMIN && !before.disabled()
                    && (role != Role.ADMIN || disabled);
            if (losesAdmin && users.countActiveAdminsLocked(connection) <= 1) {
                throw new ApiErrorException(409, "last_admin", username + " is the last enabled admin; make "
                        + "another user admin first.", change.role() != null ? "role" : "disabled");
            }
            User after = users.update(connection, new User(username, role, disabled, before.createdAt(),
                    before.updatedAt()), hash);
            if (hash != null || (disabled && !before.disabled())) {
                sessions.deleteForUser(connection, username);
            }
            java.util.Map<String, Object> afterState = after.auditState();
            if (hash != null) {
                afterState.put("passwordChanged", true);
            }
            audit.record(connection, actor.username(), "user.updated", target(username),
                    ApiJson.text(before.auditState()), ApiJson.text(afterState));
            return after;
        });
    }

    /**
     * Stores a new password the user chose for themselves (the caller has checked the current one and the policy),
     * ends their other sessions and audits {@code user.password_changed} — never the password.
     *
     * @param keepSession the cookie value of the session to keep, or null to end them all
     */
    public void changeOwnPassword(Actor actor, String newPassword, String keepSession) {
        String hash = hasher.hash(newPassword);   // slow on purpose; outside the transaction
        String username = actor.username();
        Transactions.inTransaction(dataSource, "changing the password of " + username, connection -> {
            User user = users.find(connection, username, true).orElseThrow(() -> notFound(username));
            users.update(connection, user, hash);
            int ended = sessions.deleteOthersForUser(connection, username, keepSession);
            java.util.Map<String, Object> after = new java.util.LinkedHashMap<>();
            after.put("via", actor.via());
            after.put("otherSessionsEnded", ended);
            audit.record(connection, username, "user.password_changed", target(username), null, ApiJson.text(after));
            return null;
        });
    }

    /** Deletes a user with their tokens and sessions; 404 when unknown, 409 for the last enabled admin. */
    public void delete(Actor actor, String username) {
        Transactions.inTransaction(dataSource, "deleting user " + username, connection -> {
            User before = users.find(connection, username, true).orElseThrow(() -> notFound(username));
            if (before.role() == Role.ADMIN && !before.disabled() && users.countActiveAdminsLocked(connection) <= 1) {
                throw new ApiErrorException(409, "last_admin", username
                        + " is the last enabled admin and cannot be deleted; make another user admin first.", null);
            }
            users.delete(connection, username);
            audit.record(connection, actor.username(), "user.deleted", target(username),
                    ApiJson.text(before.auditState()), null);
            return null;
        });
    }

    /** Reads a role name as the API accepts it (any case); 400 naming the field otherwise. */
    public static Role parseRole(String name, String field) {
        if (name == null) {
            return null;
        }
        try {
            return Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiErrorException(400, "invalid_role", "\"" + name + "\" is not a role; use one of "
                    + roleNames() + ".", field);
        }
    }

    static String target(String username) {
        return "user:" + username;
    }

    private static void checkPassword(String username, String password) {
        PasswordPolicy.problem(username, password).ifPresent(problem -> {
            throw new ApiErrorException(400, "weak_password", problem, "password");
        });
    }

    private static ApiErrorException notFound(String username) {
        return new ApiErrorException(404, "user_not_found", "There is no user named " + username + ".", null);
    }

    private static String roleNames() {
        return "viewer, editor, publisher, admin, masking";
    }
}
