package io.callroute.plugin;

import java.util.List;

/**
 * Builds callflow steps. A rule names a provider by {@link #id()} and gives it parameters; the server checks those
 * parameters against {@link #parameters()} when the rules load (so mistakes are reported to the rule author, not to
 * a caller) and calls {@link #build} for every call the rule answers.
 *
 * <p>Implementations must be thread-safe and fast: {@link #build} runs on the webhook path while a caller waits.
 * Keep I/O there short and bounded (a {@link SharedState} update, a cached lookup with a timeout): the server
 * abandons a decision that overruns its deadline and the caller hears the fallback.
 */
public interface ActionProvider {

    /**
     * The name rule authors write for this step, e.g. {@code "say"}. Letters, digits, {@code _ . -}; starts with a
     * letter; unique across all loaded providers.
     */
    String id();

    /** A short human name for the admin UI. */
    default String displayName() {
        return id();
    }

    /** One or two sentences telling a rule author what the step does. */
    default String description() {
        return "";
    }

    /** The parameters this step accepts; the admin UI draws its form from them and the server validates against them. */
    default List<ParameterSpec> parameters() {
        return List.of();
    }

    /**
     * Turns one step into 8x8 actions.
     *
     * @param parameters the step's parameters, with references to call fields already resolved
     * @param call       the call being answered (read-only)
     * @return the actions, in order; may be empty when the step decides to do nothing
     * @throws InvalidParameterException when a parameter value cannot be used; the server reports it against the
     *                                   rule and parameter when rules load, and answers the fallback at call time
     */
    List<CallAction> build(Parameters parameters, CallContext call);
}
