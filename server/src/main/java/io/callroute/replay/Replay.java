package io.callroute.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.event.CallEvent;
import io.callroute.publishing.Versions;
import io.callroute.rules.CompiledRules;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Replay impact: runs logged CALL_ACTIONs through two rule bases (typically the live rules and the drafts) and
 * reports which calls would be answered differently. Nothing is made live and the call path is not involved: both
 * rule bases are compiled (or taken from memory) by {@link Versions#compiled}, and each event is decided with its
 * own timestamp, so a replay of the same events gives the same report on any day.
 */
public final class Replay {

    private final CallLogSample log;
    private final LoggedEventReader events;
    private final Versions versions;

    public Replay(CallLogSample log, LoggedEventReader events, Versions versions) {
        this.log = log;
        this.events = events;
        this.versions = versions;
    }

    public ObjectNode run(ReplayRequest request) {
        // Compiled first: a draft that does not compile is refused before the log is read.
        CompiledRules against = versions.compiled(request.against());
        CompiledRules candidate = versions.compiled(request.candidate());
        List<CallLogSample.LoggedCallAction> selected = log.select(request);
        boolean more = selected.size() > request.limit();
        ReplayReport report = compare(selected.subList(0, Math.min(selected.size(), request.limit())), against,
                candidate, events);
        ObjectNode answer = report.toJson();
        answer.set("selection", request.selection());
        answer.put("truncated", request.isTimeRange() && more);
        answer.putObject("against").put("reference", request.against()).put("version", against.version());
        answer.putObject("candidate").put("reference", request.candidate()).put("version", candidate.version());
        return answer;
    }

    /** Every event decided by both rule bases, tallied. */
    static ReplayReport compare(List<CallLogSample.LoggedCallAction> logged, CompiledRules against,
                                CompiledRules candidate, LoggedEventReader events) {
        ReplayReport report = new ReplayReport();
        for (CallLogSample.LoggedCallAction call : logged) {
            CallEvent event;
            try {
                if (call.body() == null) {
                    report.undetermined(call, null, "the call log did not keep the body");
                    continue;
                }
                event = events.read(call.body().getBytes(StandardCharsets.UTF_8));
            } catch (LoggedEventReader.UnreadableEvent e) {
                report.undetermined(call, null, "the logged body cannot be read: " + e.getMessage());
                continue;
            }
            RuleAnswer before = Answers.of(against, event);
            RuleAnswer after = Answers.of(candidate, event);
            if (before.isUndetermined() || after.isUndetermined()) {
                report.undetermined(call, event, before.isUndetermined() ? before.undetermined()
                        : after.undetermined());
            } else if (before.sameAs(after)) {
                report.unchanged();
            } else {
                report.changed(call, event, before, after);
            }
        }
        return report;
    }
}
