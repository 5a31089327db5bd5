package io.callroute.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callroute.audit.AuditEvent;
import io.callroute.audit.AuditQuery;
import io.callroute.config.InvalidSettingException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
}
