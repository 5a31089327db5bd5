package io.callroute.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callroute.audit.AuditResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** openapi/auth.json documents exactly the routes the auth and audit resources declare, and says who may call. */
class OpenApiFragmentTest {

    private static final Class<?>[] RESOURCES = {SessionResource.class, OwnPasswordResource.class,
        TokenResource.class, UserResource.class, AuditResource.class};

    @Test
    void everyDeclaredRouteIsDocumentedAndNothingElse() throws Exception {
        JsonNode fragment = read();
        TreeSet<String> declared = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    declared.add(verb + " " + join(base, sub == null ? "" : sub.value()));
                }
            }
        }
        TreeSet<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = fragment.path("paths").properties().iterator();
             paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(verb ->
                    documented.add(verb.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        assertThat(documented).isEqualTo(declared).contains("DELETE /api/tokens/{id}", "GET /api/audit");
    }

    @Test
    void onlyTheLoginIsDocumentedAsOpenAndEveryReferenceResolves() throws Exception {
        JsonNode fragment = read();
        fragment.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String route = operation.getKey() + " " + path.getKey();
            boolean open = operation.getValue().path("security").isEmpty();
            assertThat(open).as(route).isEqualTo(route.equals("post /api/session"));
            if (!open) {
                assertThat(operation.getValue().path("responses").has("401")).as(route).isTrue();
            }
        }));
        // References may point at schemas of the shared base document (e.g. Error), so resolve them in the merge.
        JsonNode merged = new ObjectMapper().readTree(io.callroute.admin.OpenApiDocument.load().json());
        String text = fragment.toString();
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("#/components/schemas/(\\w+)").matcher(text);
        while (refs.find()) {
            assertThat(merged.path("components").path("schemas").has(refs.group(1))).as(refs.group()).isTrue();
        }
        assertThat(fragment.path("components").path("securitySchemes").has("basic")).isTrue();
    }

    private static JsonNode read() throws Exception {
        try (InputStream in = OpenApiFragmentTest.class.getResourceAsStream("/openapi/auth.json")) {
            assertThat(in).as("openapi/auth.json on the class path").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = (base.startsWith("/") ? base : "/" + base);
        if (!sub.isEmpty()) {
            path = path.replaceAll("/$", "") + "/" + sub.replaceAll("^/", "");
        }
        return path;
    }
}
