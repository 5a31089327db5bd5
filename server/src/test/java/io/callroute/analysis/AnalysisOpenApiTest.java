package io.callroute.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callroute.auth.RequiresRole;
import io.callroute.auth.Role;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * openapi/analysis.json documents exactly the analysis routes, their query parameters and roles, and every schema
 * it refers to exists once the fragments are merged.
 */
class AnalysisOpenApiTest {

    @Test
    void everyRouteAndQueryParameterIsDocumentedWithItsRole() throws Exception {
        JsonNode fragment;
        try (InputStream in = getClass().getResourceAsStream("/openapi/analysis.json")) {
            fragment = new ObjectMapper().readTree(in);
        }
        TreeSet<String> declared = new TreeSet<>();
        TreeSet<String> documented = new TreeSet<>();
        for (Class<?> resource : new Class<?>[] {AnalysisResource.class, CalendarResource.class}) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (verb == null) {
                        continue;
                    }
                    assertThat(method.getAnnotation(RequiresRole.class).value()).isEqualTo(Role.VIEWER);
                    declared.add(verb.value() + " " + base);
                    JsonNode operation = fragment.path("paths").path(base).path(verb.value().toLowerCase(Locale.ROOT));
                    TreeSet<String> parameters = new TreeSet<>();
                    operation.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
                    TreeSet<String> queryParams = new TreeSet<>();
                    for (Parameter parameter : method.getParameters()) {
                        QueryParam query = parameter.getAnnotation(QueryParam.class);
                        if (query != null) {
                            queryParams.add(query.value());
                        }
                    }
                    assertThat(parameters).as(base).isEqualTo(queryParams);
                }
            }
        }
        fragment.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            assertThat(operation.getValue().path("security").size()).isEqualTo(3);
            assertThat(operation.getValue().path("responses").has("401")).isTrue();
            assertThat(operation.getValue().path("responses").has("400")).isTrue();
            assertThat(operation.getValue().path("x-required-role").asText()).isEqualTo("VIEWER");
        }));
        assertThat(documented).isEqualTo(declared).containsExactly("GET /api/analysis", "GET /api/calendar");

        JsonNode merged = new ObjectMapper().readTree(io.callroute.admin.OpenApiDocument.load().json());
        Matcher refs = Pattern.compile("#/components/schemas/(\\w+)").matcher(fragment.toString());
        while (refs.find()) {
            assertThat(merged.path("components").path("schemas").has(refs.group(1))).as(refs.group()).isTrue();
        }
        assertThat(merged.path("paths").has("/api/calendar")).isTrue();
    }
}
