package io.callroute.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.audit.AuditEvent;
import io.callroute.audit.AuditQuery;
import io.callroute.http.ClientAddress;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions in the store, and the authentication filter's decisions on synthetic requests. */
class SessionsAndFilterTest {

    @TempDir
    Path dir;
    private AuthStore store;
    private ApiAuthenticationFilter filter;

    @BeforeEach
    void open() {
        store = new AuthStore(dir);
        store.user("alice", "alice-password-1", Role.EDITOR);
        filter = new ApiAuthenticationFilter(store.authenticator, ClientAddress.PEER);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void sessionsLastEightHoursAndEndAtLogoutAndWhenThePasswordChanges() throws Exception {
        AdminSessions.NewSession session = store.sessions.open("alice");
        assertThat(store.column("SELECT id_hash FROM admin_session"))
                .containsExactly(Secrets.sha256Hex(session.cookieValue()));
        assertThat(store.sessions.find(session.cookieValue())).get()
                .satisfies(found -> assertThat(found.csrfToken()).isEqualTo(session.csrfToken()));

        store.clock.advance(Duration.ofHours(8).minusSeconds(1));
        assertThat(store.sessions.find(session.cookieValue())).isPresent();
        store.clock.advance(Duration.ofSeconds(1));
        assertThat(store.sessions.find(session.cookieValue())).as("expired").isEmpty();

        AdminSessions.NewSession second = store.sessions.open("alice");
        assertThat(store.column("SELECT COUNT(*) FROM admin_session")).as("expired ones purged").containsExactly("1");
        assertThat(store.sessions.close(second.cookieValue())).isTrue();
        assertThat(store.sessions.find(second.cookieValue())).isEmpty();

        AdminSessions.NewSession third = store.sessions.open("alice");
        store.userAdmin.update(Actor.SYSTEM, "alice", new UserAdmin.Change(null, "a-new-password-2", null));
        assertThat(store.sessions.find(third.cookieValue())).isEmpty();
    }

    @Test
    void onlyApiPathsAreGuardedAndLoginIsTheOneOpenRoute() {
        assertThat(decide("GET", "webhooks/vca", null, null, null)).isInstanceOf(
                ApiAuthenticationFilter.Decision.Unprotected.class);
        assertThat(decide("GET", "health/ready", null, null, null)).isInstanceOf(
                ApiAuthenticationFilter.Decision.Unprotected.class);
        assertThat(decide("POST", "api/session", null, null, null)).isInstanceOf(
                ApiAuthenticationFilter.Decision.Unprotected.class);
        for (String path : new String[] {"api/me", "/api/users", "api", "//api/audit", "API/users", "api;x=1/users",
                "api/no-such-thing", "api/session/"}) {
            assertThat(status(decide("GET", path, null, null, null))).as(path).isEqualTo(401);
        }
        assertThat(status(decide("DELETE", "api/session", null, null, null))).isEqualTo(401);
        Response refused = ((ApiAuthenticationFilter.Decision.Refused) decide("GET", "api/me", null, null, null))
                .response();
        assertThat(refused.getHeaderString("WWW-Authenticate")).isEqualTo("Basic realm=\"callroute\"");
        assertThat(new String((byte[]) refused.getEntity(), StandardCharsets.UTF_8))
                .contains("\"error\":\"unauthorized\"");
    }

    @Test
    void basicAuthChecksThePasswordAndIsThrottled() {
        assertThat(decide("GET", "api/me", basic("alice", "alice-password-1"), null, null))
                .isEqualTo(new ApiAuthenticationFilter.Decision.Authenticated(new Actor("alice", Role.EDITOR,
                        "basic")));
        assertThat(status(decide("GET", "api/me", "Basic !!!", null, null))).isEqualTo(401);
        assertThat(status(decide("GET", "api/me", "Digest abc", null, null))).isEqualTo(401);
        for (int i = 0; i < 5; i++) {
            assertThat(status(decide("GET", "api/me", basic("alice", "wrong-password!"), null, null))).isEqualTo(401);
        }
        ApiAuthenticationFilter.Decision throttled = decide("GET", "api/me", basic("alice", "alice-password-1"), null,
                null);
        assertThat(status(throttled)).as("even the right password waits").isEqualTo(429);
        assertThat(((ApiAuthenticationFilter.Decision.Refused) throttled).response().getHeaderString("Retry-After"))
                .isEqualTo("1");
        store.clock.advance(Duration.ofSeconds(1));
        assertThat(decide("GET", "api/me", basic("alice", "alice-password-1"), null, null))
                .isInstanceOf(ApiAuthenticationFilter.Decision.Authenticated.class);
        assertThat(store.audit.query(AuditQuery.all())).filteredOn(e -> e.action().equals("login.failed"))
                .hasSize(5).allSatisfy(e -> assertThat(e.toString()).doesNotContain("wrong-password!"));
    }

    @Test
    void unknownUsersCostAVerificationAndAreRefusedLikeWrongPasswords() {
        assertThat(status(decide("GET", "api/me", basic("nobody", "alice-password-1"), null, null))).isEqualTo(401);
        assertThat(store.audit.query(AuditQuery.all())).extracting(AuditEvent::actor, AuditEvent::action)
                .contains(org.assertj.core.groups.Tuple.tuple("nobody", "login.failed"));
    }

    @Test
    void bearerTokensAuthenticate() {
        ApiTokens.NewToken token = store.tokens.create("alice", "ci");
        assertThat(decide("POST", "api/tokens", "Bearer " + token.token(), null, null))
                .isEqualTo(new ApiAuthenticationFilter.Decision.Authenticated(new Actor("alice", Role.EDITOR,
                        "token")));
        assertThat(status(decide("GET", "api/me", "Bearer crt_nope", null, null))).isEqualTo(401);
    }

    @Test
    void sessionCookiesNeedTheCsrfTokenForChanges() {
        AdminSessions.NewSession session = store.sessions.open("alice");
        assertThat(decide("GET", "api/me", null, session.cookieValue(), null))
                .isInstanceOf(ApiAuthenticationFilter.Decision.Authenticated.class);
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(status(decide(method, "api/users", null, session.cookieValue(), null))).as(method)
                    .isEqualTo(403);
            assertThat(status(decide(method, "api/users", null, session.cookieValue(), "wrong"))).as(method)
                    .isEqualTo(403);
            assertThat(decide(method, "api/users", null, session.cookieValue(), session.csrfToken())).as(method)
                    .isInstanceOf(ApiAuthenticationFilter.Decision.Authenticated.class);
        }
        assertThat(status(decide("GET", "api/me", null, "forged", null))).isEqualTo(401);
        store.sessions.close(session.cookieValue());
        assertThat(status(decide("GET", "api/me", null, session.cookieValue(), null))).isEqualTo(401);
    }

    @Test
    void scriptsAskingForNoDialogGetNoBasicChallenge() {
        ApiAuthenticationFilter.Decision decision = filter.decide(new ApiAuthenticationFilter.Request("GET", "api/me",
                null, null, null, "127.0.0.1", true));
        assertThat(((ApiAuthenticationFilter.Decision.Refused) decision).response().getHeaderString(
                "WWW-Authenticate")).isNull();
    }

    @Test
    void theRoleNeededComesFromTheMethodThenTheClassThenIsViewer() throws Exception {
        Method list = UserResource.class.getMethod("list");
        assertThat(RoleCheckFilter.required(list, UserResource.class)).isEqualTo(Role.ADMIN);
        Method tokens = TokenResource.class.getMethod("list", jakarta.ws.rs.core.SecurityContext.class);
        assertThat(RoleCheckFilter.required(tokens, TokenResource.class)).as("any signed-in user").isNull();
        assertThat(RoleCheckFilter.required(SessionResource.class.getMethod("login", java.io.InputStream.class,
                jakarta.ws.rs.core.UriInfo.class, String.class), SessionResource.class)).isEqualTo(Role.VIEWER);
        Method annotated = Annotated.class.getMethod("publish");
        assertThat(RoleCheckFilter.required(annotated, Annotated.class)).isEqualTo(Role.PUBLISHER);

        ActorSecurityContext security = new ActorSecurityContext(new Actor("alice", Role.EDITOR, "basic"), false);
        assertThat(security.isUserInRole("viewer")).isTrue();
        assertThat(security.isUserInRole("EDITOR")).isTrue();
        assertThat(security.isUserInRole("publisher")).isFalse();
        assertThat(security.isUserInRole("root")).isFalse();
        assertThat(security.getUserPrincipal().getName()).isEqualTo("alice");
    }

    @Test
    void maskingIsARoleOfItsOwnThatOnlyAdminIncludes() {
        assertThat(Role.MASKING.includes(Role.MASKING)).isTrue();
        assertThat(Role.ADMIN.includes(Role.MASKING)).isTrue();
        for (Role rule : new Role[] {Role.VIEWER, Role.EDITOR, Role.PUBLISHER}) {
            assertThat(rule.includes(Role.MASKING)).as(rule + " includes masking").isFalse();
            assertThat(Role.MASKING.includes(rule)).as("masking includes " + rule).isFalse();
        }
        assertThat(Role.MASKING.includes(Role.ADMIN)).isFalse();
        assertThat(Role.PUBLISHER.includes(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.includes(Role.EDITOR)).isFalse();
        ActorSecurityContext masking = new ActorSecurityContext(new Actor("rides", Role.MASKING, "token"), false);
        assertThat(masking.isUserInRole("masking")).isTrue();
        assertThat(masking.isUserInRole("viewer")).isFalse();
    }

    @RequiresRole(Role.EDITOR)
    static final class Annotated {
        @RequiresRole(Role.PUBLISHER)
        public void publish() {
        }
    }

    private ApiAuthenticationFilter.Decision decide(String method, String path, String authorization, String cookie,
                                                    String csrf) {
        return filter.decide(new ApiAuthenticationFilter.Request(method, path, authorization, cookie, csrf,
                "127.0.0.1", false));
    }

    private static int status(ApiAuthenticationFilter.Decision decision) {
        assertThat(decision).isInstanceOf(ApiAuthenticationFilter.Decision.Refused.class);
        return ((ApiAuthenticationFilter.Decision.Refused) decision).response().getStatus();
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
