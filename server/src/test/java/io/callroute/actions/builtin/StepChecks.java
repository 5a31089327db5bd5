package io.callroute.actions.builtin;

import io.callroute.actions.ActionRegistry;
import io.callroute.actions.CallflowAssembler;
import io.callroute.actions.StepProblem;
import io.callroute.actions.StepTemplate;
import io.callroute.actions.TestCall;
import io.callroute.plugin.CallAction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one built-in step through the server's load-time check and call-time assembly, as a rule would. */
final class StepChecks {

    private static final CallflowAssembler ASSEMBLER = new CallflowAssembler(ActionRegistry.of(new SayProvider(),
            new SayAndCaptureProvider(), new PlayFileProvider(), new MakeCallProvider(), new HangupProvider()));

    private final String providerId;
    private final Map<String, Object> base;

    StepChecks(String providerId, Map<String, Object> base) {
        this.providerId = providerId;
        this.base = base;
    }

    /** The problems of the step with {@code name} set to {@code value} on top of the base parameters. */
    List<StepProblem> problemsWith(String name, Object value) {
        return ASSEMBLER.check(List.of(step(name, value)));
    }

    /** The single action the step builds with {@code name} set to {@code value}. */
    CallAction actionWith(String name, Object value) {
        return ASSEMBLER.assemble(null, List.of(step(name, value)), TestCall.inbound()).actions().get(0);
    }

    List<StepProblem> problems() {
        return ASSEMBLER.check(List.of(new StepTemplate(providerId, base)));
    }

    CallAction action() {
        return ASSEMBLER.assemble(null, List.of(new StepTemplate(providerId, base)), TestCall.inbound())
                .actions().get(0);
    }

    private StepTemplate step(String name, Object value) {
        Map<String, Object> parameters = new LinkedHashMap<>(base);
        parameters.put(name, value);
        return new StepTemplate(providerId, parameters);
    }
}
