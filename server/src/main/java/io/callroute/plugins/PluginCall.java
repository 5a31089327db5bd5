package io.callroute.plugins;

import java.util.function.Supplier;

/**
 * One call into a plugin's code, as both provider guards make it: the decision is marked as inside the plugin
 * ({@link PluginCallTracker}, so an overrun deadline or an error names it) and the plugin's class loader is the
 * thread's context loader for the duration (libraries that look up classes through it find the plugin's own).
 */
final class PluginCall {

    private PluginCall() {
    }

    /** @param loader the plugin's class loader, or null to leave the context loader as it is */
    static <T> T run(String plugin, ClassLoader loader, Supplier<T> call) {
        long start = System.nanoTime();
        String previous = PluginCallTracker.enter(plugin);
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        if (loader != null) {
            thread.setContextClassLoader(loader);
        }
        boolean failed = true;
        try {
            T result = call.get();
            failed = false;
            return result;
        } finally {
            thread.setContextClassLoader(context);
            PluginCallTracker.leave(previous, plugin, failed, start);
        }
    }
}
