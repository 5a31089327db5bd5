package io.callroute.auth;

import io.callroute.audit.AuditLog;
import io.callroute.audit.AuditResource;
import io.callroute.http.ClientAddress;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * The admin API's authentication, authorisation and audit parts, built together so the composition root needs one
 * line to create them and the JAX-RS application one line to register them.
 */
public final class AdminAuth {

    private final Authenticator authenticator;
    private final AdminSessions sessions;
    private final ApiTokens tokens;
    private final UserAdmin userAdmin;
    private final AuditLog audit;
    private final AdminBootstrap firstAdmin;

    private AdminAuth(DataSource dataSource, Clock clock, AuditLog audit) {
        this.audit = audit;
        PasswordHasher hasher = new PasswordHasher();
        UserStore users = new UserStore(dataSource, clock);
        this.sessions = new AdminSessions(dataSource, clock);
        this.tokens = new ApiTokens(dataSource, clock, audit);
        this.authenticator = new Authenticator(users, hasher, tokens, sessions, new LoginThrottle(clock), audit);
        this.userAdmin = new UserAdmin(dataSource, users, sessions, hasher, audit);
        this.firstAdmin = new AdminBootstrap(dataSource, users, hasher, audit, System.out);
    }

    /**
     * Builds the parts and, on a store without users, creates the first admin.
     *
     * @param adminPassword {@code CALLROUTE_ADMIN_PASSWORD}, or null to generate and print one
     */
    public static AdminAuth start(DataSource dataSource, Clock clock, AuditLog audit, String adminPassword) {
        AdminAuth auth = new AdminAuth(dataSource, clock, audit);
        auth.firstAdmin.createAdminIfNoUsers(adminPassword);
        return auth;
    }

    /**
     * The filters and resources to register with JAX-RS.
     *
     * @param clientAddresses who a request comes from, for the login throttle (the client, not the load balancer)
     */
    public List<Object> jaxrsComponents(ClientAddress clientAddresses) {
        return List.of(new ApiAuthenticationFilter(authenticator, clientAddresses), new RoleCheckFilter.Binding(),
                new SessionResource(authenticator, sessions, audit, clientAddresses), new TokenResource(tokens),
                new UserResource(userAdmin), new AuditResource(audit),
                new OwnPasswordResource(new OwnPassword(authenticator, userAdmin), clientAddresses));
    }
}
