package io.callroute.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the deployment examples honest, since no cluster or Docker engine checks them here: every YAML document of
 * {@code docs/deploy/k8s} is a known kind with its required fields; the Deployment's probes, ports, labels, Secret
 * and ConfigMap references agree with the Service, Ingress, PodDisruptionBudget, Secret and ConfigMap; the Dockerfile
 * copies what the launcher's build produces; and every {@code CALLROUTE_*} name in the manifests, the Dockerfile and
 * the deployment guide is a setting the server ({@code config/Settings}) or the launcher actually reads — found in
 * their sources, so a setting renamed there fails this test until the documents follow.
 */
class DeployManifestsTest {

    private static final Pattern SETTING = Pattern.compile("CALLROUTE_[A-Z0-9_]*[A-Z0-9]");
    private static final Pattern QUOTED_SETTING = Pattern.compile("\"(CALLROUTE_[A-Z0-9_]*[A-Z0-9])\"");
    private static final Map<String, String> API_VERSIONS = Map.of(
            "Deployment", "apps/v1",
            "Service", "v1",
            "ConfigMap", "v1",
            "Secret", "v1",
            "PodDisruptionBudget", "policy/v1",
            "Ingress", "networking.k8s.io/v1");

    private static Path root;
    private static Map<String, List<JsonNode>> byKind;
    private static Map<Path, String> texts;

    @BeforeAll
    static void readManifests() throws IOException {
        root = projectRoot();
        byKind = new LinkedHashMap<>();
        texts = new LinkedHashMap<>();
        YAMLMapper yaml = new YAMLMapper();
        try (Stream<Path> files = Files.list(root.resolve("docs/deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList()) {
                texts.put(file, Files.readString(file));
                try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (documents.hasNext()) {
                        JsonNode document = documents.next();
                        if (document == null || document.isNull() || document.isEmpty()) {
                            continue;   // an empty document (a trailing ---)
                        }
                        byKind.computeIfAbsent(document.path("kind").asText(""), kind -> new ArrayList<>())
                                .add(document);
                    }
                }
            }
        }
    }

    /** The repository root: Maven's multi-module directory when given, else the first parent holding docs/deploy. */
    private static Path projectRoot() {
        String maven = System.getProperty("maven.multiModuleProjectDirectory");
        if (maven != null && Files.isDirectory(Path.of(maven, "docs/deploy/k8s"))) {
            return Path.of(maven).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/deploy/k8s"))
                    && Files.isRegularFile(dir.resolve("server/src/main/java/io/callroute/config/Settings.java"))) {
                return dir;
            }
        }
        throw new IllegalStateException("docs/deploy/k8s not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void everyDocumentIsAKnownKindWithItsRequiredFields() {
        assertThat(byKind.keySet()).as("kinds in docs/deploy/k8s").containsExactlyInAnyOrderElementsOf(
                API_VERSIONS.keySet());
        byKind.forEach((kind, documents) -> {
            for (JsonNode document : documents) {
                String name = document.path("metadata").path("name").asText("");
                assertThat(name).as("metadata.name of a %s", kind).isNotBlank();
                assertThat(document.path("apiVersion").asText()).as("apiVersion of %s %s", kind, name)
                        .isEqualTo(API_VERSIONS.get(kind));
                switch (kind) {
                    case "Deployment" -> {
                        assertThat(document.at("/spec/replicas").asInt()).as("replicas").isGreaterThanOrEqualTo(2);
                        assertThat(document.at("/spec/selector/matchLabels").isObject()).isTrue();
                        assertThat(document.at("/spec/template/spec/containers").size()).isPositive();
                    }
                    case "Service" -> {
                        assertThat(document.at("/spec/selector").isObject()).as("Service selector").isTrue();
                        assertThat(document.at("/spec/ports").size()).as("Service ports").isPositive();
                        document.at("/spec/ports").forEach(port -> {
                            assertThat(port.has("port")).isTrue();
                            assertThat(port.has("targetPort")).isTrue();
                        });
                    }
                    case "ConfigMap" -> {
                        assertThat(document.path("data").isObject()).as("ConfigMap data").isTrue();
                        document.path("data").forEach(value -> assertThat(value.isTextual())
                                .as("ConfigMap values are strings (quote numbers)").isTrue());
                    }
                    case "Secret" -> {
                        assertThat(document.path("stringData").isObject() || document.path("data").isObject())
                                .as("Secret stringData or data").isTrue();
                        assertThat(document.path("type").asText("Opaque")).isEqualTo("Opaque");
                    }
                    case "PodDisruptionBudget" -> {
                        assertThat(document.at("/spec/selector/matchLabels").isObject()).isTrue();
                        assertThat(document.at("/spec/minAvailable").isMissingNode()
                                ^ document.at("/spec/maxUnavailable").isMissingNode())
                                .as("exactly one of minAvailable and maxUnavailable").isTrue();
                    }
                    case "Ingress" -> {
                        assertThat(document.at("/spec/rules").size()).isPositive();
                        document.at("/spec/rules").forEach(rule -> {
                            assertThat(rule.at("/http/paths").size()).isPositive();
                            rule.at("/http/paths").forEach(path -> {
                                assertThat(path.path("path").asText()).startsWith("/");
                                assertThat(path.path("pathType").asText()).isIn("Prefix", "Exact",
                                        "ImplementationSpecific");
                                assertThat(path.at("/backend/service/name").asText()).isNotBlank();
                                assertThat(path.at("/backend/service/port").isObject()).isTrue();
                            });
                        });
                    }
                    default -> throw new AssertionError("unknown kind " + kind);
                }
            }
        });
    }

    @Test
    void theDeploymentsProbesPortsAndReferencesAgreeWithTheOtherManifests() {
        JsonNode deployment = only("Deployment");
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = container(pod);
        int containerPort = container.at("/ports/0/containerPort").asInt();
        String portName = container.at("/ports/0/name").asText();
        assertThat(containerPort).isPositive();

        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isIn("/health/live", "/health/ready");
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            JsonNode port = container.path(probe).at("/httpGet/port");
            assertThat(port.isInt() ? Integer.toString(port.asInt()) : port.asText()).as("%s port", probe)
                    .isIn(Integer.toString(containerPort), portName);
        }
        assertThat(container.at("/startupProbe/failureThreshold").asInt()
                * container.at("/startupProbe/periodSeconds").asInt()).as("seconds the start may take")
                .isGreaterThanOrEqualTo(120);
        env(container, "CALLROUTE_PORT").ifPresent(value -> assertThat(value).as("CALLROUTE_PORT")
                .isEqualTo(Integer.toString(containerPort)));
        assertThat(container.at("/env").findValuesAsText("name")).contains("CALLROUTE_NODE_ID");
        for (JsonNode variable : container.at("/env")) {
            if (variable.path("name").asText().equals("CALLROUTE_NODE_ID")) {
                assertThat(variable.at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.name");
            }
        }

        // The pod's labels are what the Service, the PodDisruptionBudget and the Deployment itself select.
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        assertSelects(labels, deployment.at("/spec/selector/matchLabels"), "Deployment selector");
        assertSelects(labels, only("Service").at("/spec/selector"), "Service selector");
        assertSelects(labels, only("PodDisruptionBudget").at("/spec/selector/matchLabels"), "PDB selector");

        JsonNode service = only("Service");
        String serviceName = service.at("/metadata/name").asText();
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        for (JsonNode port : service.at("/spec/ports")) {
            JsonNode target = port.path("targetPort");
            assertThat(target.isInt() ? Integer.toString(target.asInt()) : target.asText()).as("Service targetPort")
                    .isIn(Integer.toString(containerPort), portName);
            servicePorts.put(port.path("name").asText(""), port.path("port").asInt());
        }
        for (JsonNode ingress : byKind.get("Ingress")) {
            for (JsonNode backend : ingress.findValues("service")) {
                assertThat(backend.path("name").asText()).as("Ingress backend").isEqualTo(serviceName);
                JsonNode port = backend.path("port");
                if (port.has("name")) {
                    assertThat(servicePorts).as("Ingress backend port name").containsKey(port.path("name").asText());
                } else {
                    assertThat(servicePorts.values()).as("Ingress backend port").contains(port.path("number").asInt());
                }
            }
            assertThat(ingress.toString()).as("no session affinity on %s", ingress.at("/metadata/name").asText())
                    .doesNotContainIgnoringCase("affinity").doesNotContainIgnoringCase("sticky");
        }
        assertThat(service.at("/spec/sessionAffinity").asText("None")).isEqualTo("None");

        // Every Secret and ConfigMap the pod reads exists, with the key it reads.
        JsonNode secret = only("Secret");
        JsonNode secretValues = secret.has("stringData") ? secret.path("stringData") : secret.path("data");
        for (JsonNode reference : pod.findValues("secretKeyRef")) {
            assertThat(reference.path("name").asText()).isEqualTo(secret.at("/metadata/name").asText());
            assertThat(secretValues.has(reference.path("key").asText())).as("Secret key %s",
                    reference.path("key").asText()).isTrue();
        }
        for (JsonNode reference : pod.findValues("configMapRef")) {
            assertThat(reference.path("name").asText()).isEqualTo(only("ConfigMap").at("/metadata/name").asText());
        }

        // Stopping: the preStop pause must fit in the grace period, with time left for the stop itself.
        List<String> preStop = new ArrayList<>();
        container.at("/lifecycle/preStop/exec/command").forEach(part -> preStop.add(part.asText()));
        assertThat(preStop).as("preStop").hasSize(2).first().isEqualTo("sleep");
        assertThat(pod.path("terminationGracePeriodSeconds").asInt()).as("terminationGracePeriodSeconds")
                .isGreaterThanOrEqualTo(Integer.parseInt(preStop.get(1)) + 15);

        // The plugins folder is a volume the container reads, at CALLROUTE_PLUGINS_DIR.
        String pluginsDir = env(container, "CALLROUTE_PLUGINS_DIR").orElseThrow();
        assertThat(container.at("/volumeMounts").findValuesAsText("mountPath")).contains(pluginsDir);
    }

    @Test
    void theDockerfileRunsWhatTheLaunchersBuildProducesAsTheDeploymentsUser() throws IOException {
        String dockerfile = Files.readString(root.resolve("docs/deploy/Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre\\s*$");
        // What `./mvnw package` writes in launcher/target (launcher/pom.xml): the jar, its lib/ and the WAR.
        String launcherPom = Files.readString(root.resolve("launcher/pom.xml"));
        assertThat(launcherPom).contains("<finalName>callroute</finalName>",
                "<outputDirectory>${project.build.directory}/lib</outputDirectory>",
                "<destFileName>callroute.war</destFileName>");
        assertThat(dockerfile).contains("launcher/target/lib/", "launcher/target/callroute.jar",
                "launcher/target/callroute.war");
        assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT \\[\"java\",.*\"-jar\", \"[^\"]*callroute\\.jar\"\\]$");

        Matcher port = Pattern.compile("CALLROUTE_PORT=(\\d+)").matcher(dockerfile);
        assertThat(port.find()).as("CALLROUTE_PORT in the Dockerfile").isTrue();
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + port.group(1) + "$");
        JsonNode pod = only("Deployment").at("/spec/template/spec");
        assertThat(container(pod).at("/ports/0/containerPort").asText()).isEqualTo(port.group(1));

        Matcher user = Pattern.compile("(?m)^USER (\\d+)").matcher(dockerfile);
        assertThat(user.find()).as("a numeric USER (runAsNonRoot can check only numbers)").isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asText()).isEqualTo(user.group(1));
    }

    /**
     * Every CALLROUTE_* name in docs/deploy (manifests, their README, the Dockerfile) and docs/DEPLOY-CLUSTER.md is
     * read by the server's Settings or by the launcher.
     */
    @Test
    void everyCallrouteNameInTheDeploymentDocsIsARealSetting() throws IOException {
        Set<String> known = knownSettings();
        assertThat(known).as("settings found in the sources").contains("CALLROUTE_DB_URL", "CALLROUTE_PORT");
        Map<String, Set<String>> unknown = new LinkedHashMap<>();
        List<Path> documents = new ArrayList<>(texts.keySet());
        documents.add(root.resolve("docs/deploy/Dockerfile"));
        documents.add(root.resolve("docs/deploy/k8s/README.md"));
        documents.add(root.resolve("docs/DEPLOY-CLUSTER.md"));
        int mentions = 0;
        for (Path document : documents) {
            Matcher names = SETTING.matcher(Files.readString(document));
            while (names.find()) {
                mentions++;
                if (!known.contains(names.group())) {
                    unknown.computeIfAbsent(root.relativize(document).toString(), file -> new TreeSet<>())
                            .add(names.group());
                }
            }
        }
        assertThat(mentions).as("CALLROUTE_ names in the deployment documents").isGreaterThan(20);
        assertThat(unknown).as("CALLROUTE_ names that neither config/Settings.java nor the launcher reads")
                .isEmpty();
        // The secrets' and config map's keys become environment variables of the same names.
        for (String kind : List.of("Secret", "ConfigMap")) {
            JsonNode values = only(kind).has("stringData") ? only(kind).path("stringData") : only(kind).path("data");
            values.fieldNames().forEachRemaining(key -> assertThat(known).as("%s key", kind).contains(key));
        }
    }

    /** The quoted CALLROUTE_ names in Settings.java and in the launcher's own sources (which read a few more). */
    private static Set<String> knownSettings() throws IOException {
        Set<String> known = new TreeSet<>();
        List<Path> sources = new ArrayList<>();
        sources.add(root.resolve("server/src/main/java/io/callroute/config/Settings.java"));
        try (Stream<Path> launcher = Files.list(root.resolve("launcher/src/main/java/io/callroute/launcher"))) {
            launcher.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
        }
        for (Path source : sources) {
            Matcher quoted = QUOTED_SETTING.matcher(Files.readString(source));
            while (quoted.find()) {
                known.add(quoted.group(1));
            }
        }
        return known;
    }

    private static JsonNode only(String kind) {
        List<JsonNode> documents = byKind.getOrDefault(kind, List.of());
        assertThat(documents).as("%s documents", kind).hasSize(1);
        return documents.get(0);
    }

    private static JsonNode container(JsonNode pod) {
        for (JsonNode container : pod.path("containers")) {
            if (container.path("name").asText().equals("callroute")) {
                return container;
            }
        }
        throw new AssertionError("no container named callroute in the Deployment");
    }

    private static Optional<String> env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name) && variable.has("value")) {
                return Optional.of(variable.path("value").asText());
            }
        }
        return Optional.empty();
    }

    private static void assertSelects(JsonNode labels, JsonNode selector, String what) {
        assertThat(selector.isObject() && !selector.isEmpty()).as(what).isTrue();
        Iterator<Map.Entry<String, JsonNode>> entries = selector.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            assertThat(labels.path(entry.getKey()).asText()).as("%s %s", what, entry.getKey())
                    .isEqualTo(entry.getValue().asText());
        }
    }
}
