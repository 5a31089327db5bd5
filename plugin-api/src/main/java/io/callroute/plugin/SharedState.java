package io.callroute.plugin;

import java.util.Optional;

/**
 * A small key-value store shared by all nodes of a Callroute installation, scoped to one plugin. Values are short
 * texts; {@link #compareAndSet} makes read-modify-write safe when several nodes answer calls at once.
 */
public interface SharedState {

    Optional<String> get(String key);

    /**
     * Sets {@code key} to {@code value} if it currently holds {@code expected} ({@code null}: if it is absent).
     *
     * @return whether the value was set
     */
    boolean compareAndSet(String key, String expected, String value);
}
