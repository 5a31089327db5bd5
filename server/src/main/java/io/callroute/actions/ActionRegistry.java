package io.callroute.actions;

import io.callroute.plugin.ActionProvider;
import java.util.Collection;
import java.util.Optional;

/** STUB — action providers by id. */
public final class ActionRegistry {
    public static ActionRegistry load(ClassLoader loader) { throw new UnsupportedOperationException("stub"); }
    public Optional<ActionProvider> find(String id) { throw new UnsupportedOperationException("stub"); }
    public Collection<ActionProvider> all() { throw new UnsupportedOperationException("stub"); }
}
