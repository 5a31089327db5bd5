package io.callroute.masking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** openapi/masking.json documents exactly the masking routes, each with its credentials, a 401 and a 403. */
class MaskingOpenApiTest {

    @Test
    void everyMaskingRouteIsDocumentedWithSecurityAnd401() throws Exception {
        JsonNode fragment;
        try (InputStream in = getClass().getResourceAsStream("/openapi/masking.json")) {
            fragment = new ObjectMapper().readTree(in);
        }
        TreeSet<String> declared = new TreeSet<>();
        String base = MaskingResource.class.getAnnotation(Path.class).value();
        for (Method method : MaskingResource.class.getDeclaredMethods()) {
            for (Annotation annotation : method.getAnnotations()) {
                HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    declared.add(verb.value() + " " + base + (sub == null ? "" : "/" + sub.value()));
                }
            }
        }
        TreeSet<String> documented = new TreeSet<>();
        fragment.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            assertThat(operation.getValue().path("security").size()).as(path.getKey()).isEqualTo(3);
            assertThat(operation.getValue().path("responses").has("401")).isTrue();
            assertThat(operation.getValue().path("responses").has("403")).isTrue();
            assertThat(operation.getValue().path("x-required-role").asText()).isEqualTo("MASKING");
        }));
        assertThat(documented).isEqualTo(declared).hasSize(6);
        assertThat(fragment.path("components").path("schemas").has("Error")).as("reused, not redefined").isFalse();
    }
}
