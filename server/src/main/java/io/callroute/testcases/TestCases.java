package io.callroute.testcases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.auth.Actor;
import io.callroute.calllog.CallLog;
import io.callroute.calllog.LoggedCall;
import io.callroute.event.CallEvent;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import io.callroute.publishing.AuditSink;
import io.callroute.publishing.EditRefused;
import io.callroute.replay.Answers;
import io.callroute.replay.LoggedEventReader;
import io.callroute.replay.RuleAnswer;
import io.callroute.rules.CompiledRules;
import io.callroute.store.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Saved test cases: kept, changed with the same optimistic rules as drafts (a change names the revision it is based
 * on), audited, and run against any compiled rules. A case can be written by hand or taken from a logged call, whose
 * expectation is then the answer the call got.
 */
public final class TestCases {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
    private static final Set<String> CREATE_KEYS = Set.of("name", "description", "event", "expect", "fromCall");
    private static final Set<String> REPLACE_KEYS = Set.of("name", "description", "event", "expect");
    private static final int MAX_DESCRIPTION = 2000;

    private final TestCaseStore store;
    private final CallLog calls;
    private final LoggedEventReader events;
    private final Supplier<Optional<CompiledRules>> liveRules;
    private final AuditSink audit;
    private final Clock clock;

    /** @param liveRules the rules live now, to warn when a new case does not hold for them; empty when none are */
    TestCases(TestCaseStore store, CallLog calls, LoggedEventReader events,
              Supplier<Optional<CompiledRules>> liveRules, AuditSink audit, Clock clock) {
        this.store = store;
        this.calls = calls;
        this.events = events;
        this.liveRules = liveRules;
        this.audit = audit;
        this.clock = clock;
    }

    /** A saved case and what it would be worth knowing about it now. */
    public record Saved(TestCase testCase, List<String> warnings) {
    }

    public List<TestCase> list() {
        return store.all();
    }

    public TestCase get(String name) {
        checkName(name);
        return store.find(name).orElseThrow(() -> new EditRefused.NotFound("There is no test case \"" + name + "\""));
    }

    /**
     * Creates a case from {@code {"name", "description"?, "event", "expect"}} or from a logged call:
     * {@code {"name", "fromCall": <call-log id or 8x8 eventId>, "expect"?}}.
     */
    public Saved create(Actor actor, ObjectNode body) {
        onlyKeys(body, CREATE_KEYS);
        String name = ApiJson.requiredString(body, "name");
        checkName(name);
        String description = description(body);
        JsonNode fromCall = body.get("fromCall");
        JsonNode event;
        Expectation expectation;
        Long sourceCall = null;
        List<String> warnings = new ArrayList<>();
        if (fromCall != null && !fromCall.isNull()) {
            if (body.has("event")) {
                throw new ApiErrorException(400, "invalid_field", "\"event\" cannot be given with \"fromCall\": the"
                        + " event is the logged call's.", "event");
            }
            LoggedCall call = loggedCall(fromCall);
            sourceCall = call.id();
            event = loggedBody(call);
            expectation = body.has("expect") && !body.get("expect").isNull()
                    ? Expectation.read(body.get("expect"), "expect") : answered(call);
        } else {
            event = requiredEvent(body);
            expectation = Expectation.read(body.get("expect"), "expect");
        }
        readable(event);
        Instant now = clock.instant();
        TestCase testCase = new TestCase(name, description, event, expectation, sourceCall, 1, actor.username(), now,
                actor.username(), now);
        if (!store.insert(testCase)) {
            throw new ApiErrorException(409, "name_taken", "There is already a test case \"" + name + "\"; choose"
                    + " another name or change that one.", "name");
        }
        audit.record(actor, "test-case.created", target(name), null, ApiJson.text(testCase.toJson()));
        warnings.addAll(againstLiveRules(testCase));
        return new Saved(testCase, warnings);
    }

    /** Replaces a case's description, event and expectation; {@code ifMatch} must be the revision read. */
    public Saved replace(Actor actor, String name, String ifMatch, ObjectNode body) {
        TestCase before = get(name);
        long expected = revision(ifMatch, name);
        onlyKeys(body, REPLACE_KEYS);
        String declared = ApiJson.optionalString(body, "name");
        if (declared != null && !declared.equals(name)) {
            throw new ApiErrorException(400, "invalid_field", "\"name\" is \"" + declared + "\" but this is test case"
                    + " \"" + name + "\"; to rename a case, create it under the new name and delete the old one.",
                    "name");
        }
        JsonNode event = requiredEvent(body);
        Expectation expectation = Expectation.read(body.get("expect"), "expect");
        readable(event);
        TestCase after = new TestCase(name, description(body), event, expectation,
                event.equals(before.event()) ? before.sourceCall() : null, expected + 1, before.createdBy(),
                before.createdAt(), actor.username(), clock.instant());
        if (!store.update(after, expected)) {
            throw stale(name, expected);
        }
        audit.record(actor, "test-case.updated", target(name), ApiJson.text(before.toJson()),
                ApiJson.text(after.toJson()));
        return new Saved(after, againstLiveRules(after));
    }

    public void delete(Actor actor, String name, String ifMatch) {
        TestCase before = get(name);
        long expected = revision(ifMatch, name);
        if (!store.delete(name, expected)) {
            throw stale(name, expected);
        }
        audit.record(actor, "test-case.deleted", target(name), ApiJson.text(before.toJson()), null);
    }

    /** Every case against {@code rules}, by name. */
    public List<CaseResult> run(CompiledRules rules) {
        return store.all().stream().map(testCase -> run(testCase, rules)).toList();
    }

    static CaseResult run(TestCase testCase, CompiledRules rules, LoggedEventReader events) {
        CallEvent event;
        try {
            event = events.read(testCase.event());
        } catch (LoggedEventReader.UnreadableEvent e) {
            return new CaseResult(testCase, CaseResult.Status.FAILED, null, List.of("the event cannot be read ("
                    + e.field() + "): " + e.getMessage()));
        }
        RuleAnswer actual = Answers.of(rules, event);
        if (actual.isUndetermined()) {
            return new CaseResult(testCase, CaseResult.Status.UNDETERMINED, actual, List.of(actual.undetermined()));
        }
        List<String> mismatches = testCase.expectation().mismatches(actual);
        return new CaseResult(testCase, mismatches.isEmpty() ? CaseResult.Status.PASSED : CaseResult.Status.FAILED,
                actual, mismatches);
    }

    private CaseResult run(TestCase testCase, CompiledRules rules) {
        return run(testCase, rules, events);
    }

    /** Why a case just saved does not hold for the live rules (nothing when it does, or nothing is live). */
    private List<String> againstLiveRules(TestCase testCase) {
        Optional<CompiledRules> live = liveRules.get();
        if (live.isEmpty()) {
            return List.of();
        }
        CaseResult result = run(testCase, live.get());
        String version = "version " + live.get().version();
        return switch (result.status()) {
            case PASSED -> List.of();
            case UNDETERMINED -> List.of("The live rules (" + version + ") cannot reproduce this call: "
                    + result.reasons().get(0) + ". The case is kept, but it will stay undetermined until its event"
                    + " shows the digits that matter.");
            case FAILED -> result.reasons().stream().map(reason -> "Against the live rules (" + version + "): "
                    + reason + ".").toList();
        };
    }

    private LoggedCall loggedCall(JsonNode fromCall) {
        Optional<LoggedCall> found;
        String shown;
        if (fromCall.canConvertToLong() && fromCall.isIntegralNumber()) {
            found = calls.find(fromCall.longValue());
            shown = Long.toString(fromCall.longValue());
        } else if (fromCall.isTextual() && !fromCall.textValue().isBlank() && fromCall.textValue().length() <= 256) {
            found = calls.findCallAction(fromCall.textValue());
            shown = "with eventId \"" + fromCall.textValue() + "\"";
        } else {
            throw new ApiErrorException(400, "invalid_field", "\"fromCall\" must be a call-log id (a number) or the"
                    + " eventId 8x8 gave the CALL_ACTION (text).", "fromCall");
        }
        LoggedCall call = found.orElseThrow(() -> new EditRefused.NotFound("There is no call " + shown
                + " in the call log (yet: calls are logged within a second or two)"));
        if (!"CALL_ACTION".equals(call.eventType())) {
            throw new ApiErrorException(422, "not_a_call_action", "Call " + shown + " is a " + call.eventType()
                    + ", not a CALL_ACTION: only CALL_ACTIONs are answered by rules.", "fromCall");
        }
        return call;
    }

    private JsonNode loggedBody(LoggedCall call) {
        if (call.body() == null) {
            throw new ApiErrorException(422, "call_not_reproducible", "The call log did not keep the body of call "
                    + call.id() + ".", "fromCall");
        }
        try {
            return events.envelope(call.body().getBytes(StandardCharsets.UTF_8));
        } catch (LoggedEventReader.UnreadableEvent e) {
            throw new ApiErrorException(422, "call_not_reproducible", "The logged body of call " + call.id()
                    + " cannot be read: " + e.getMessage(), "fromCall");
        }
    }

    /** The answer the call got, as an expectation. */
    private static Expectation answered(LoggedCall call) {
        if (RecordedEvent.Outcome.FALLBACK.name().equals(call.outcome())) {
            return Expectation.ofFallback();
        }
        if (RecordedEvent.Outcome.ANSWERED.name().equals(call.outcome()) && call.answeringRule() != null) {
            return Expectation.ofRule(call.answeringRule());
        }
        throw new ApiErrorException(422, "call_not_reproducible", "Call " + call.id() + " was not answered by the"
                + " rules (" + call.outcome() + "); give \"expect\" to say what it should get.", "fromCall");
    }

    private void readable(JsonNode event) {
        try {
            events.read(event);
        } catch (LoggedEventReader.UnreadableEvent e) {
            throw new ApiErrorException(400, "invalid_event", "The event is not a CALL_ACTION the rules could"
                    + " answer: " + e.getMessage(), e.field());
        }
    }

    private static JsonNode requiredEvent(ObjectNode body) {
        JsonNode event = body.get("event");
        if (event == null || event.isNull()) {
            throw new ApiErrorException(400, "missing_field", "\"event\" is required: the 8x8 CALL_ACTION (the whole"
                    + " webhook body or its payload), or create the case with \"fromCall\".", "event");
        }
        if (!event.isObject()) {
            throw new ApiErrorException(400, "invalid_field", "\"event\" must be a JSON object.", "event");
        }
        return event;
    }

    private static String description(ObjectNode body) {
        String description = ApiJson.optionalString(body, "description");
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new ApiErrorException(400, "invalid_field", "\"description\" is longer than " + MAX_DESCRIPTION
                    + " characters.", "description");
        }
        return description;
    }

    private static void onlyKeys(ObjectNode body, Set<String> known) {
        for (Iterator<String> keys = body.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                throw new ApiErrorException(400, "unknown_field", "\"" + key + "\" is not known; the known ones are "
                        + String.join(", ", known.stream().sorted().toList()) + ".", key);
            }
        }
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ApiErrorException(400, "invalid_field", "A test case name is 1 to 100 letters, digits, '_', '.'"
                    + " or '-', starting with a letter or digit.", "name");
        }
    }

    /** The revision named by an If-Match header (the ETag a case was read with). */
    private static long revision(String ifMatch, String name) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new EditRefused.PreconditionMissing("Changing test case " + name + " needs an If-Match header with"
                    + " the ETag you read it with, so that nobody's edit is overwritten unseen");
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw EditRefused.Invalid.malformed("If-Match", "must be the ETag of test case " + name
                    + " (its revision, e.g. \"3\"), not \"" + (ifMatch.length() > 40 ? ifMatch.substring(0, 40)
                    : ifMatch) + "\"");
        }
    }

    private EditRefused stale(String name, long expected) {
        Optional<TestCase> current = store.find(name);
        if (current.isEmpty()) {
            return new EditRefused.NotFound("Test case \"" + name + "\" was deleted meanwhile");
        }
        return new EditRefused.Stale("Test case \"" + name + "\" was changed meanwhile (you read revision " + expected
                + ", it is at " + current.get().revision() + ")", current.get().toJson(), current.get().etag());
    }

    static String target(String name) {
        return "test-case:" + name;
    }
}
