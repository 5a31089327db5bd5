package io.callroute.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where one plugin comes from: a top-level {@code *.jar} of the plugins folder, or a sub-folder whose {@code *.jar}
 * files together make one plugin (its own libraries next to it). The fingerprint (names, sizes and modification
 * times) tells the host when the files changed and the plugin must be reloaded. Names starting with a dot are
 * ignored, so a jar can be copied in under a hidden name and renamed when complete.
 *
 * @param key         the file or folder name, unique within the folder
 * @param jars        the jar files, sorted by name
 * @param fingerprint changes whenever a jar is added, removed or rewritten
 */
record PluginSource(String key, List<Path> jars, String fingerprint) {

    PluginSource {
        jars = List.copyOf(jars);
    }

    /** The name to show when the plugin's own name is unknown (it failed to load): the key without {@code .jar}. */
    String stem() {
        return key.endsWith(".jar") ? key.substring(0, key.length() - 4) : key;
    }

    /** The plugin sources in {@code dir} by key; empty when the folder is missing. */
    static Map<String, PluginSource> scan(Path dir) {
        Map<String, PluginSource> sources = new LinkedHashMap<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return sources;
        }
        for (Path entry : list(dir)) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                List<Path> jars = list(entry).stream().filter(PluginSource::isJar).toList();
                if (!jars.isEmpty()) {
                    sources.put(name, new PluginSource(name, jars, fingerprint(jars)));
                }
            } else if (isJar(entry)) {
                sources.put(name, new PluginSource(name, List.of(entry), fingerprint(List.of(entry))));
            }
        }
        return sources;
    }

    private static boolean isJar(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jar") && !name.startsWith(".") && Files.isRegularFile(file);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir, e);
        }
    }

    private static String fingerprint(List<Path> jars) {
        List<String> parts = new ArrayList<>();
        for (Path jar : jars) {
            try {
                parts.add(jar.getFileName() + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toInstant());
            } catch (IOException e) {
                parts.add(jar.getFileName() + ":unreadable");   // vanished while listing; the next scan settles it
            }
        }
        return String.join("|", parts);
    }
}
