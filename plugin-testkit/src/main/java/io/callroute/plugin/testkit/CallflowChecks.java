package io.callroute.plugin.testkit;

import io.callroute.plugin.ActionLimits;
import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.Hangup;
import io.callroute.plugin.MakeCall;
import io.callroute.plugin.Parameters;
import io.callroute.plugin.SayAndCapture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 8x8's rules on the order of a callflow's actions (spec §4.2), which the action records cannot check one by one:
 * not empty, at most {@value ActionLimits#MAX_MAKE_CALLS} {@code makeCall}, {@code sayAndCapture} only as the
 * last action (so never followed by {@code hangup}, which would discard the captured keys), nothing after
 * {@code hangup}. The limits of each action (text length, digit ranges…) are enforced by the records themselves.
 */
public final class CallflowChecks {

    private CallflowChecks() {
    }

    /** What is wrong with {@code callflow}, one sentence per problem; empty when 8x8 would accept it. */
    public static List<String> problems(List<? extends CallAction> callflow) {
        List<String> problems = new ArrayList<>();
        if (callflow == null || callflow.isEmpty()) {
            problems.add("The callflow is empty; 8x8 needs at least one action.");
            return problems;
        }
        int makeCalls = 0;
        for (int i = 0; i < callflow.size(); i++) {
            CallAction action = callflow.get(i);
            int position = i + 1;
            if (action == null) {
                problems.add("Action " + position + " is null.");
                continue;
            }
            boolean last = i == callflow.size() - 1;
            if (action instanceof MakeCall) {
                makeCalls++;
                if (makeCalls == ActionLimits.MAX_MAKE_CALLS + 1) {
                    problems.add("Action " + position + " is makeCall number " + makeCalls + "; 8x8 allows at most "
                            + ActionLimits.MAX_MAKE_CALLS + " in one callflow.");
                }
            }
            if (action instanceof SayAndCapture && !last) {
                CallAction next = callflow.get(i + 1);
                String nextName = next == null ? "null" : next.actionName();
                problems.add(next instanceof Hangup
                        ? "Action " + position + " is sayAndCapture followed by hangup; the captured keys would be"
                                + " discarded."
                        : "Action " + position + " is sayAndCapture but is not last (followed by " + nextName
                                + "); the capture's result arrives in the next webhook, so it must end the callflow.");
            }
            if (action instanceof Hangup && !last) {
                problems.add("Action " + position + " is hangup but " + (callflow.size() - position)
                        + " action(s) follow it; nothing runs after hangup.");
            }
        }
        return problems;
    }

    /** Fails with the problems as the message unless {@code callflow} passes {@link #problems}. */
    public static void assertValid(List<? extends CallAction> callflow) {
        List<String> problems = problems(callflow);
        if (!problems.isEmpty()) {
            throw new AssertionError("Invalid callflow " + names(callflow) + ": " + String.join(" ", problems));
        }
    }

    /**
     * Builds {@code provider} with {@code parameters} for every call in {@code calls} and checks each callflow.
     *
     * @return per call (by its fixture name when it is a {@link FixtureCall}), the problems; a call whose build threw
     *         has one sentence naming the exception. Calls without problems are left out, so an empty map means all
     *         passed.
     */
    public static Map<String, List<String>> problemsOn(ActionProvider provider, Parameters parameters,
                                                       List<? extends CallContext> calls) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (CallContext call : calls) {
            String label = call instanceof FixtureCall fixture ? fixture.fixture() : call.eventId();
            List<String> problems;
            try {
                problems = problems(provider.build(parameters, call));
            } catch (RuntimeException e) {
                problems = List.of("Building " + provider.id() + " threw " + e.getClass().getSimpleName() + ": "
                        + e.getMessage());
            }
            if (!problems.isEmpty()) {
                all.put(label, problems);
            }
        }
        return all;
    }

    /** Fails unless {@code provider} builds a valid callflow for every fixture in {@link FixtureCalls#ALL}. */
    public static void assertValidOnAllFixtures(ActionProvider provider, Parameters parameters) {
        Map<String, List<String>> problems = problemsOn(provider, parameters, FixtureCalls.all());
        if (!problems.isEmpty()) {
            throw new AssertionError(provider.id() + " builds invalid callflows: " + problems);
        }
    }

    private static List<String> names(List<? extends CallAction> callflow) {
        return callflow == null ? List.of()
                : callflow.stream().map(a -> a == null ? "null" : a.actionName()).toList();
    }
}
