package io.callroute.actions;

import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.InvalidParameterException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step ready to answer calls: its provider looked up, defaults applied, literal values converted to their
 * parameter's type and text values with references parsed. Answering a call only resolves references and calls the
 * provider; a step without references even reuses one {@link ParameterValues} for every call.
 */
final class PreparedStep {

    private final int index;
    private final ActionProvider provider;
    private final Map<String, Object> constants;
    private final String[] referencingNames;
    private final ValueTemplate[] referencingValues;
    /** The parameters of every call when no value refers to the call; null otherwise. */
    private final ParameterValues fixedValues;

    PreparedStep(int index, ActionProvider provider, Map<String, Object> constants,
                 Map<String, ValueTemplate> referencing) {
        this.index = index;
        this.provider = provider;
        this.constants = Map.copyOf(constants);
        this.referencingNames = referencing.keySet().toArray(String[]::new);
        this.referencingValues = referencing.values().toArray(ValueTemplate[]::new);
        this.fixedValues = referencing.isEmpty() ? ParameterValues.wrap(new HashMap<>(constants)) : null;
    }

    /** Whether any value refers to a call field, so the step's parameters differ from call to call. */
    boolean dependsOnCall() {
        return fixedValues == null;
    }

    /** The step's parameters for this call. */
    ParameterValues valuesFor(CallContext call) {
        if (fixedValues != null) {
            return fixedValues;
        }
        Map<String, Object> values = new HashMap<>((constants.size() + referencingNames.length) * 2);
        values.putAll(constants);
        for (int i = 0; i < referencingNames.length; i++) {
            values.put(referencingNames[i], referencingValues[i].resolve(call));
        }
        return ParameterValues.wrap(values);
    }

    /**
     * The provider's actions for this call.
     *
     * @throws InvalidParameterException when a value cannot be used (typically a reference that resolved to
     *                                   something unusable, e.g. a caller id that is no phone number)
     * @throws CallflowException         when the provider fails in any other way
     */
    List<CallAction> build(CallContext call) {
        List<CallAction> actions;
        try {
            actions = buildUnchecked(call);
        } catch (InvalidParameterException | CallflowException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CallflowException(describe() + " failed: " + e, e);
        }
        Optional<String> malformed = malformed(actions);
        if (malformed.isPresent()) {
            throw new CallflowException(describe() + " " + malformed.get() + ".");
        }
        return actions;
    }

    /** The provider's answer as it is, exceptions included (for the load-time check, which words its own report). */
    List<CallAction> buildUnchecked(CallContext call) {
        return provider.build(valuesFor(call), call);
    }

    /** What is wrong with a provider's answer, if anything, e.g. "returned no list of actions". */
    static Optional<String> malformed(List<CallAction> actions) {
        if (actions == null) {
            return Optional.of("returned no list of actions");
        }
        for (CallAction action : actions) {
            if (action == null) {
                return Optional.of("returned a missing (null) action");
            }
        }
        return Optional.empty();
    }

    int index() {
        return index;
    }

    String providerId() {
        return provider.id();
    }

    /** "Step 2 (say)", 1-based as rule authors count. */
    String describe() {
        return "Step " + (index + 1) + " (" + provider.id() + ")";
    }
}
