package io.callroute.plugins;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent of every plugin's class loader: it shows a plugin the JDK and the plugin API ({@code io.callroute.plugin})
 * and nothing else of the server. So a plugin may bundle its own Jackson, Drools or SLF4J in whatever version it
 * likes without clashing with the server's, and it cannot come to depend on server internals that change without
 * notice. Resources are filtered the same way: in particular the server's {@code META-INF/services} stay hidden, so
 * a plugin's {@link java.util.ServiceLoader} finds only the plugin's own services.
 */
final class ApiOnlyClassLoader extends ClassLoader {

    private static final String API_PACKAGE = "io.callroute.plugin.";
    private static final String API_RESOURCES = "io/callroute/plugin/";

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final ClassLoader server;

    ApiOnlyClassLoader(ClassLoader server) {
        super("callroute-plugin-api", ClassLoader.getPlatformClassLoader());
        this.server = server;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(API_PACKAGE)) {
            return server.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return name.startsWith(API_RESOURCES) ? server.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith(API_RESOURCES) ? server.getResources(name) : super.getResources(name);
    }

    /** Unused: nothing is defined here, everything is delegated. */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(name + " is not part of the plugin API (io.callroute.plugin) or the JDK;"
                + " bundle it with the plugin");
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        return Collections.emptyEnumeration();
    }
}
