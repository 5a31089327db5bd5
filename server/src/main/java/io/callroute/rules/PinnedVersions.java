package io.callroute.rules;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Compiles, on request, a version that calls in their menus are pinned to but this node does not hold: the call
 * started on another node, or before this node restarted. The webhook waits for it a bounded time only; a load
 * that takes longer goes on for the call's later rounds.
 */
public interface PinnedVersions {

    /** For nodes alone with their store: a version they do not hold is gone, and calls go on with the live one. */
    PinnedVersions NONE = version -> CompletableFuture.completedFuture(Optional.empty());

    /**
     * Version {@code number}, compiled and kept in {@link LiveRules}; completes empty when it does not exist or no
     * longer compiles. Never completes exceptionally.
     */
    CompletableFuture<Optional<CompiledRules>> load(int number);
}
