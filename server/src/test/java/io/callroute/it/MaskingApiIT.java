package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The masking sessions API in the real WAR, used the way a booking backend uses it: a user with the masking role,
 * made by the admin, calling with a personal token. That user reaches the masking API and nothing else; users with
 * rule roles cannot reach the masking API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MaskingApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSIONS = "api/masking/sessions";
    private static final String VN = "+6531580001";
    private static final String RIDER = "+6591234567";
    private static final String DRIVER = "+6598765432";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void aBookingBackendManagesSessionsWithAMaskingTokenAndAConflictChangesNothing() throws IOException {
        AdminApi admin = new AdminApi(base);
        AdminApi rides = maskingUser(admin, "rides");

        String booking = "{\"virtualNumber\":\"" + VN + "\",\"partyA\":\"" + RIDER + "\",\"partyB\":\"" + DRIVER
                + "\",\"reference\":\"booking-42\",\"expiresAt\":\"2099-01-01T18:30:00+08:00\",\"recording\":true}";
        HttpResponse<String> created = rides.postJson(SESSIONS, booking);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode session = JSON.readTree(created.body());
        String id = session.path("id").asText();
        assertThat(session.path("state").asText()).isEqualTo("live");
        assertThat(session.path("expiresAt").asText()).isEqualTo("2099-01-01T10:30:00Z");
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/" + SESSIONS + "/" + id));

        HttpResponse<String> repeated = rides.postJson(SESSIONS, booking);
        assertThat(repeated.statusCode()).as("idempotent by reference").isEqualTo(200);
        assertThat(JSON.readTree(repeated.body()).path("id").asText()).isEqualTo(id);

        String listed = rides.get(SESSIONS + "?virtualNumber=%2B6531580001").body();
        HttpResponse<String> conflict = rides.postJson(SESSIONS, "{\"virtualNumber\":\"" + VN + "\",\"partyA\":\""
                + "+6590001111\",\"partyB\":\"" + DRIVER + "\"}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(conflict.body()).path("field").asText()).isEqualTo("partyB");
        assertThat(rides.get(SESSIONS + "?virtualNumber=%2B6531580001").body()).as("nothing changed")
                .isEqualTo(listed);
        assertThat(JSON.readTree(listed).path("sessions")).hasSize(1);

        HttpResponse<String> invalid = rides.postJson(SESSIONS, "{\"virtualNumber\":\"" + VN + "\",\"partyA\":\""
                + VN + "\",\"partyB\":\"" + DRIVER + "\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).path("field").asText()).isEqualTo("partyA");

        HttpResponse<String> bulk = rides.postJson(SESSIONS + "/bulk", "{\"sessions\":["
                + "{\"virtualNumber\":\"" + VN + "\",\"partyA\":\"+6590000001\",\"partyB\":\"+6590000002\"},"
                + "{\"virtualNumber\":\"" + VN + "\",\"partyA\":\"" + RIDER + "\",\"partyB\":\"+6590000003\"},"
                + "{\"virtualNumber\":\"" + VN + "\",\"partyA\":\"+6590000004\",\"partyB\":\"+6590000005\"}]}");
        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
        assertThat(JSON.readTree(bulk.body()).path("results").findValues("status"))
                .extracting(JsonNode::asInt).containsExactly(201, 409, 201);

        assertThat(rides.get(SESSIONS + "/" + id).statusCode()).isEqualTo(200);
        HttpResponse<String> calls = rides.get(SESSIONS + "/" + id + "/calls");
        assertThat(calls.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(calls.body()).path("events").isArray()).isTrue();

        assertThat(rides.delete(SESSIONS + "/" + id, null).statusCode()).isEqualTo(204);
        assertThat(rides.delete(SESSIONS + "/" + id, null).statusCode()).as("ending is idempotent").isEqualTo(204);
        assertThat(JSON.readTree(rides.get(SESSIONS + "/" + id).body()).path("state").asText()).isEqualTo("ended");
        assertThat(rides.postJson(SESSIONS, "{\"virtualNumber\":\"" + VN + "\",\"partyA\":\"+6590001111\","
                + "\"partyB\":\"" + DRIVER + "\"}").statusCode()).as("the pair is free again").isEqualTo(201);
        assertThat(rides.get(SESSIONS + "/ms_unknown").statusCode()).isEqualTo(404);

        String audit = admin.get("api/audit?action=masking.*&limit=100").body();
        assertThat(audit).contains("masking.created", "masking.ended", "\\\"+659*****67\\\"")
                .doesNotContain(RIDER, DRIVER);
    }

    @Test
    void theMaskingRoleReachesOnlyTheMaskingApiAndRuleRolesCannotReachIt() {
        AdminApi admin = new AdminApi(base);
        AdminApi masking = maskingUser(admin, "deliveries");
        for (String path : new String[] {"api/rule-sets", "api/versions", "api/audit", "api/users",
                "api/openapi.json"}) {
            assertThat(masking.get(path).statusCode()).as("masking user: GET " + path).isEqualTo(403);
        }
        assertThat(masking.postJson("api/versions", "{}").statusCode()).isEqualTo(403);
        assertThat(masking.get("api/me").statusCode()).as("who am I").isEqualTo(200);
        assertThat(masking.get("api/tokens").statusCode()).as("own tokens").isEqualTo(200);

        for (String role : new String[] {"viewer", "editor", "publisher"}) {
            String name = role + "-user";
            assertThat(admin.postJson("api/users", "{\"username\":\"" + name + "\",\"password\":\"" + name
                    + "-password-1\",\"role\":\"" + role + "\"}").statusCode()).isEqualTo(201);
            AdminApi user = admin.as(AdminApi.basic(name, name + "-password-1"));
            assertThat(user.get(SESSIONS).statusCode()).as(role + ": GET " + SESSIONS).isEqualTo(403);
            assertThat(user.postJson(SESSIONS, "{\"virtualNumber\":\"" + VN + "\",\"partyA\":\"+6590009991\","
                    + "\"partyB\":\"+6590009992\"}").statusCode()).as(role + ": POST").isEqualTo(403);
            assertThat(user.get("api/rule-sets").statusCode()).as(role + " still reads rules").isEqualTo(200);
        }
        assertThat(admin.get(SESSIONS + "?state=live").statusCode()).as("admin includes masking").isEqualTo(200);
    }

    /** A user with the masking role, made by the admin, as they call with a personal token of their own. */
    private static AdminApi maskingUser(AdminApi admin, String name) {
        String password = name + "-password-1";
        HttpResponse<String> user = admin.postJson("api/users", "{\"username\":\"" + name + "\",\"password\":\""
                + password + "\",\"role\":\"masking\"}");
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        HttpResponse<String> token = admin.as(AdminApi.basic(name, password)).postJson("api/tokens",
                "{\"name\":\"booking backend\"}");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        try {
            return admin.as("Bearer " + JSON.readTree(token.body()).path("token").asText());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
