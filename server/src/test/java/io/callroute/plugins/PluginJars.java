package io.callroute.plugins;

import io.callroute.plugin.CallroutePlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Real plugin jars for tests: Java sources compiled with the JDK's compiler against the test class path and packed
 * with {@code java.util.jar}, with a {@code META-INF/services} entry listing the plugin class(es).
 */
final class PluginJars {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private PluginJars() {
    }

    /** The source of a plugin class {@code example.ThePlugin}, from its parts. */
    static Map<String, String> plugin(String name, String version, String apiVersion, String actionId,
                                      String startBody) {
        String source = """
                package example;

                import io.callroute.plugin.*;
                import java.util.List;

                public class ThePlugin implements CallroutePlugin {
                    private volatile String greeting = "none";

                    public String name() { return "%s"; }
                    public String version() { return "%s"; }
                    public String targetApiVersion() { return "%s"; }

                    public List<ParameterSpec> settings() {
                        return List.of(ParameterSpec.of("greeting", ParameterType.TEXT).withDefault("hello"),
                                ParameterSpec.of("apiKey", ParameterType.SECRET),
                                ParameterSpec.of("repeat", ParameterType.INTEGER).withRange(1.0, 3.0));
                    }

                    public void start(PluginContext context) {
                        System.setProperty("started." + name(), "yes");
                        %s
                        greeting = context.settings().text("greeting").orElse("none");
                    }

                    public List<ActionProvider> actionProviders() {
                        return List.of(new ActionProvider() {
                            public String id() { return "%s"; }
                            public List<CallAction> build(Parameters parameters, CallContext call) {
                                return List.of(new Say(greeting + " from %s", "en-US-BenjaminRUS"));
                            }
                        });
                    }
                }
                """.formatted(name, version, apiVersion, startBody, actionId, version);
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("example.ThePlugin", source);
        return sources;
    }

    /** Compiles {@code sources} (class name → source) and writes a jar listing {@code pluginClasses} as plugins. */
    static Path write(Path jar, Map<String, String> sources, String... pluginClasses) {
        try {
            Path work = Files.createTempDirectory("plugin-src-" + COUNTER.incrementAndGet());
            Path src = work.resolve("src");
            Path classes = work.resolve("classes");
            Files.createDirectories(classes);
            List<String> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file.toString());
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
            arguments.addAll(files);
            int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("the test plugin did not compile");
            }
            Files.createDirectories(jar.toAbsolutePath().getParent());
            Path partial = jar.resolveSibling("." + jar.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial); JarOutputStream zip = new JarOutputStream(out)) {
                if (pluginClasses.length > 0) {
                    zip.putNextEntry(new JarEntry("META-INF/services/" + CallroutePlugin.class.getName()));
                    zip.write((String.join("\n", pluginClasses) + "\n").getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                try (Stream<Path> compiled = Files.walk(classes)) {
                    for (Path file : compiled.filter(Files::isRegularFile).sorted().toList()) {
                        zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                        zip.write(Files.readAllBytes(file));
                        zip.closeEntry();
                    }
                }
            }
            // Rename into place, as an admin should: the host never sees half a jar.
            Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(COUNTER.incrementAndGet())));
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
