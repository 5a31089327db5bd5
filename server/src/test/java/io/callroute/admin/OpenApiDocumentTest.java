package io.callroute.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the JAX-RS resources describe the same routes: every resource method is documented and
 * every documented route exists. Resources are found by reading the compiled classes, so a new resource cannot
 * slip through undocumented.
 */
class OpenApiDocumentTest {

    @Test
    void everyResourceMethodIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        Set<String> implemented = implementedOperations();
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, String> operation : OpenApiDocument.load().operations()) {
            documented.add(operation.getValue().toUpperCase() + " " + operation.getKey());
        }
        assertThat(implemented).as("resource methods").contains("POST /webhooks/{endpoint}", "GET /api/openapi.json");
        assertThat(documented).as("documented routes").containsExactlyInAnyOrderElementsOf(implemented);
    }

    private static Set<String> implementedOperations() throws IOException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        Set<String> operations = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    String http = httpMethod(method);
                    if (http != null) {
                        Path methodPath = method.getAnnotation(Path.class);
                        operations.add(http + " " + join(classPath.value(), methodPath == null ? "" : methodPath.value()));
                    }
                }
            }
        }
        return operations;
    }

    private static String httpMethod(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return method.isAnnotationPresent(PATCH.class) ? "PATCH" : null;
    }

    /** JAX-RS path templates as OpenAPI writes them: one slash between parts, regex parts of templates removed. */
    private static String join(String classPath, String methodPath) {
        String path = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        path = path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
