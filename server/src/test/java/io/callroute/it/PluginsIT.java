package io.callroute.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The plugins API in the real WAR: the built-in actions are a plugin like any other, listed with their metadata. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PluginsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DeployedWar.freshDeployment();
    }

    @Test
    void theBuiltInActionsAreListedAsAnEnabledPluginWithTheirFiveProviders() throws Exception {
        AdminApi admin = new AdminApi(base);
        HttpResponse<String> response = admin.get("api/plugins");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("apiVersion").asText()).isEqualTo("1.2");
        JsonNode builtin = answer.path("plugins").path(0);
        assertThat(builtin.path("name").asText()).isEqualTo("builtin");
        assertThat(builtin.path("status").asText()).isEqualTo("enabled");
        List<String> ids = new ArrayList<>();
        builtin.path("providers").path("actions").forEach(action -> ids.add(action.path("id").asText()));
        assertThat(ids).containsExactly("hangup", "makeCall", "playFile", "say", "sayAndCapture");
        assertThat(builtin.path("providers").path("actions").path(3).path("parameters").path(0).path("name")
                .asText()).isEqualTo("text");

        assertThat(admin.get("api/plugins/builtin").statusCode()).isEqualTo(200);
        assertThat(admin.get("api/plugins/no-such-plugin").statusCode()).isEqualTo(404);
        HttpResponse<String> disable = admin.send("PUT", "api/plugins/builtin", "{\"enabled\": false}",
                "application/json", null);
        assertThat(disable.statusCode()).as(disable.body()).isEqualTo(409);
        assertThat(admin.as(null).get("api/plugins").statusCode()).isEqualTo(401);
    }
}
