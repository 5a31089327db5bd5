package io.callroute.auth;

import io.callroute.audit.AuditLog;
import io.callroute.config.InvalidSettingException;
import io.callroute.http.ApiJson;
import io.callroute.store.StoreException;
import io.callroute.store.Transactions;
import io.callroute.store.UniqueViolation;
import java.io.PrintStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start: when there is no user at all, creates {@code admin} with role admin, so the admin API is never open
 * and never unusable. The password is {@code CALLROUTE_ADMIN_PASSWORD} when set; otherwise a random one is
 * generated and printed once to standard output — not through the logger, because logs are collected, shipped
 * and kept, and a password must not end up there. It cannot be shown again: only its hash is stored.
 */
public final class AdminBootstrap {

    public static final String USERNAME = "admin";
    static final String SETTING = "CALLROUTE_ADMIN_PASSWORD";
    static final int GENERATED_LENGTH = 20;
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final DataSource dataSource;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final PrintStream console;

    public AdminBootstrap(DataSource dataSource, UserStore users, PasswordHasher hasher, AuditLog audit,
                          PrintStream console) {
        this.dataSource = dataSource;
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.console = console;
    }

    /**
     * Creates the first admin if there are no users; returns whether it did.
     *
     * @param configuredPassword {@code CALLROUTE_ADMIN_PASSWORD}, or null to generate one
     * @throws InvalidSettingException when the configured password is too weak
     */
    public boolean createAdminIfNoUsers(String configuredPassword) {
        if (!users.isEmpty()) {
            return false;
        }
        boolean generated = configuredPassword == null;
        String password = generated ? Secrets.randomPassword(GENERATED_LENGTH) : configuredPassword;
        PasswordPolicy.problem(USERNAME, password).ifPresent(problem -> {
            throw new InvalidSettingException(SETTING, problem);
        });
        String hash = hasher.hash(password);
        boolean created;
        try {
            created = Transactions.inTransaction(dataSource, "creating the first admin", connection -> {
                if (users.find(connection, USERNAME, true).isPresent()) {
                    return false;   // another node sharing the database got there first
                }
                User admin = users.insert(connection, USERNAME, hash, Role.ADMIN);
                audit.record(connection, Actor.SYSTEM.username(), "user.created", UserAdmin.target(USERNAME), null,
                        ApiJson.text(admin.auditState()));
                return true;
            });
        } catch (StoreException e) {
            // Locking a row that does not exist locks nothing, so two nodes starting together on an empty shared
            // database can both get past the check above; the primary key stops the second insert.
            if (!UniqueViolation.in(e)) {
                throw e;
            }
            created = false;
        }
        if (!created) {
            return false;
        }
        if (generated) {
            printOnce(password);
            LOG.warn("Created user '{}' with a generated password, printed once to standard output. Sign in and "
                    + "change it, or set {} before the first start.", USERNAME, SETTING);
        } else {
            LOG.info("Created user '{}' with the password from {}", USERNAME, SETTING);
        }
        return true;
    }

    private void printOnce(String password) {
        String line1 = "Callroute created the first admin user.";
        String line2 = "  username: " + USERNAME;
        String line3 = "  password: " + password;
        String line4 = "Shown only this once. Sign in and change it.";
        int width = Math.max(Math.max(line1.length(), line2.length()), Math.max(line3.length(), line4.length()));
        String border = "+" + "-".repeat(width + 2) + "+";
        StringBuilder box = new StringBuilder().append('\n').append(border).append('\n');
        for (String line : new String[] {line1, "", line2, line3, "", line4}) {
            box.append("| ").append(line).append(" ".repeat(width - line.length())).append(" |\n");
        }
        box.append(border).append('\n');
        console.print(box);
        console.flush();
    }
}
