package io.callroute.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callroute.audit.AuditEvent;
import io.callroute.audit.AuditQuery;
import io.callroute.config.InvalidSettingException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminBootstrapTest {

    @TempDir
    Path dir;

    @Test
    void theConfiguredPasswordBecomesAdminsAndNothingIsPrinted() throws Exception {
        try (AuthStore store = new AuthStore(dir)) {
            assertThat(store.bootstrap.createAdminIfNoUsers("configured-password-1")).isTrue();
            assertThat(store.consoleText()).isEmpty();
            assertThat(store.users.find("admin")).get().extracting(User::role).isEqualTo(Role.ADMIN);
            assertThat(store.authenticator.checkPassword("admin", "configured-password-1", "127.0.0.1", "basic"))
                    .isInstanceOf(Authenticator.PasswordCheck.Accepted.class);
            assertThat(store.column("SELECT password_hash FROM app_user")).singleElement().asString()
                    .startsWith("$argon2id$");

            AuditEvent created = store.audit.query(AuditQuery.all()).get(0);
            assertThat(created.actor()).isEqualTo("system");
            assertThat(created.action()).isEqualTo("user.created");
            assertThat(created.target()).isEqualTo("user:admin");
            assertThat(created.after()).contains("\"role\":\"ADMIN\"").doesNotContain("argon2")
                    .doesNotContain("configured-password-1");

            assertThat(store.bootstrap.createAdminIfNoUsers("another-password-2")).as("only on an empty store")
                    .isFalse();
            assertThat(store.authenticator.checkPassword("admin", "another-password-2", "127.0.0.2", "basic"))
                    .isInstanceOf(Authenticator.PasswordCheck.Rejected.class);
        }
    }

    @Test
    void withoutOneARandomPasswordIsPrintedOnceInABox() {
        try (AuthStore store = new AuthStore(dir)) {
            assertThat(store.bootstrap.createAdminIfNoUsers(null)).isTrue();
            String printed = store.consoleText();
            Matcher password = Pattern.compile("password: (\\S+)").matcher(printed);
            assertThat(password.find()).as(printed).isTrue();
            assertThat(password.group(1)).hasSize(20).matches("[A-Za-z0-9]+");
            assertThat(printed).contains("+---").contains("username: admin").contains("Shown only this once");
            assertThat(store.authenticator.checkPassword("admin", password.group(1), "127.0.0.1", "basic"))
                    .isInstanceOf(Authenticator.PasswordCheck.Accepted.class);
            assertThat(store.audit.query(AuditQuery.all()).get(0).after()).doesNotContain(password.group(1));

            store.bootstrap.createAdminIfNoUsers(null);
            assertThat(store.consoleText()).as("printed once").isEqualTo(printed);
        }
    }

    @Test
    void aConfiguredPasswordTooShortStopsTheStartNamingTheSetting() {
        try (AuthStore store = new AuthStore(dir)) {
            assertThatThrownBy(() -> store.bootstrap.createAdminIfNoUsers("short"))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining("CALLROUTE_ADMIN_PASSWORD").hasMessageContaining("12");
            assertThat(store.users.isEmpty()).isTrue();
        }
    }

    /**
     * Two nodes starting together on an empty shared database: both find no admin, and locking a row that does not
     * exist locks nothing, so both insert. The one that comes second must start normally, without a second admin and
     * without printing a password nobody can use.
     */
    @Test
    void aNodeThatLosesTheRaceForTheFirstAdminStartsNormally() {
        try (AuthStore store = new AuthStore(dir)) {
            ByteArrayOutputStream secondConsole = new ByteArrayOutputStream();
            // The other node creates the admin (and commits) just before this node's insert reaches the database.
            DataSource racing = beforeInsertingAUser(store.dataSource,
                    () -> assertThat(store.bootstrap.createAdminIfNoUsers("first-node-password-1")).isTrue());
            AdminBootstrap second = new AdminBootstrap(racing, store.users, AuthStore.HASHER, store.audit,
                    new PrintStream(secondConsole, true, StandardCharsets.UTF_8));

            assertThat(second.createAdminIfNoUsers(null)).as("the other node got there first").isFalse();

            assertThat(secondConsole.toString(StandardCharsets.UTF_8)).as("no password printed").isEmpty();
            assertThat(store.users.list()).extracting(User::username).containsExactly("admin");
            assertThat(store.authenticator.checkPassword("admin", "first-node-password-1", "127.0.0.1", "basic"))
                    .isInstanceOf(Authenticator.PasswordCheck.Accepted.class);
            assertThat(store.audit.query(AuditQuery.all())).extracting(AuditEvent::action)
                    .containsExactly("user.created");
        }
    }

    /** {@code dataSource}, with {@code other} run once just before the first INSERT INTO app_user is prepared. */
    private static DataSource beforeInsertingAUser(DataSource dataSource, Runnable other) {
        AtomicBoolean ran = new AtomicBoolean();
        return (DataSource) Proxy.newProxyInstance(AdminBootstrapTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, dataSource, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(AdminBootstrapTest.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (p, m, a) -> {
                                if (m.getName().equals("prepareStatement") && a != null && a.length > 0
                                        && String.valueOf(a[0]).startsWith("INSERT INTO app_user")
                                        && ran.compareAndSet(false, true)) {
                                    other.run();
                                }
                                return invoke(m, connection, a);
                            });
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
