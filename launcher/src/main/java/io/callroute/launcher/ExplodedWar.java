package io.callroute.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The WAR unpacked into a folder (re-unpacked only when the WAR changes), so Tomcat serves it as it would any
 * deployed application and the rules CLI can load the application's classes from it.
 */
final class ExplodedWar {

    private static final String STAMP = ".callroute-war-stamp";

    private final Path root;

    private ExplodedWar(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    static ExplodedWar extract(Path war, Path target) throws IOException {
        String stamp = war.toAbsolutePath() + "|" + Files.size(war) + "|" + Files.getLastModifiedTime(war).toMillis();
        Path stampFile = target.resolve(STAMP);
        if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)) {
            return new ExplodedWar(target);
        }
        deleteRecursively(target);
        Files.createDirectories(target);
        Path normalizedTarget = target.toAbsolutePath().normalize();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path destination = normalizedTarget.resolve(entry.getName()).normalize();
                if (!destination.startsWith(normalizedTarget)) {
                    throw new IOException("refusing WAR entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        Files.writeString(stampFile, stamp);
        return new ExplodedWar(target);
    }

    /** Runs {@code io.callroute.rules.RulesCli} from the application's own classes; returns its exit code. */
    int runRulesCli(String[] args) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(root.resolve("WEB-INF/classes").toUri().toURL());
        try (Stream<Path> jars = Files.list(root.resolve("WEB-INF/lib"))) {
            for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("callroute-war", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> cli = loader.loadClass("io.callroute.rules.RulesCli");
            Method run = cli.getMethod("run", String[].class, PrintStream.class, PrintStream.class);
            return (Integer) run.invoke(null, args, System.out, System.err);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
