package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every admin route the OpenAPI document lists, called without credentials and as every role that may not use it:
 * 401 and 403, each with the JSON error, and never the route's work. The document is the list, so a new route is
 * covered the day it is documented (and OpenApiDocumentTest makes sure every route is).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RouteAccessIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The rule roles from least to most; MASKING stands beside them (auth/Role.java). */
    private static final List<String> LADDER = List.of("VIEWER", "EDITOR", "PUBLISHER", "ADMIN");
    private static final List<String> ROLES = List.of("VIEWER", "EDITOR", "PUBLISHER", "MASKING");
    private static final String PASSWORD = "route-access-password-1";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void everyDocumentedRouteRefusesTheAnonymousAndTheUnderPrivileged() throws IOException {
        AdminApi admin = new AdminApi(base);
        for (String role : ROLES) {
            HttpResponse<String> created = admin.postJson("api/users", "{\"username\":\"" + user(role)
                    + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role.toLowerCase() + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        JsonNode document = JSON.readTree(admin.get("api/openapi.json").body());
        List<String> refusedWrongly = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String required = operation.getValue().path("x-required-role").asText("");
                if (required.isEmpty()) {
                    continue;   // public routes (health, metrics, webhooks, the login itself)
                }
                String method = operation.getKey().toUpperCase();
                String url = concrete(path.getKey());
                expect(refusedWrongly, admin.as(null), method, url, 401, "without credentials");
                for (String role : ROLES) {
                    if (!allowed(role, required)) {
                        expect(refusedWrongly, admin.as(AdminApi.basic(user(role), PASSWORD)), method, url, 403,
                                "as " + role + " (needs " + required + ")");
                    }
                }
                checked++;
            }
        }
        assertThat(checked).as("documented admin routes").isGreaterThan(40);
        assertThat(refusedWrongly).isEmpty();
    }

    private static void expect(List<String> wrong, AdminApi api, String method, String url, int status, String who) {
        HttpResponse<String> response = api.send(method, url, method.equals("GET") || method.equals("DELETE")
                ? null : "{}", "application/json", "\"1\"");
        String error = status == 401 ? "unauthorized" : "forbidden";
        if (response.statusCode() != status || !response.body().contains("\"error\":\"" + error + "\"")) {
            wrong.add(method + " " + url + " " + who + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** Whether {@code role} may do what {@code required} may, as the server's Role.includes says. */
    private static boolean allowed(String role, String required) {
        if (role.equals(required)) {
            return true;
        }
        return LADDER.contains(role) && LADDER.contains(required) && LADDER.indexOf(role) >= LADDER.indexOf(required);
    }

    /** A documented path with its parameters filled in: /api/users/{username} → api/users/x1. */
    private static String concrete(String documented) {
        return documented.substring(1).replaceAll("\\{[^}]+}", "x1");
    }

    private static String user(String role) {
        return "access-" + role.toLowerCase();
    }
}
