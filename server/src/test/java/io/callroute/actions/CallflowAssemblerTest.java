package io.callroute.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.Hangup;
import io.callroute.plugin.InvalidParameterException;
import io.callroute.plugin.MakeCall;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.ParameterType;
import io.callroute.plugin.Parameters;
import io.callroute.plugin.Say;
import io.callroute.plugin.SayAndCapture;
import io.callroute.testing.EightByEightCallflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallflowAssemblerTest {

    private static final String VOICE = "en-US-BenjaminRUS";
    private static final ActionRegistry BUILT_INS = ActionRegistry.load(CallflowAssemblerTest.class.getClassLoader());

    private final CallflowAssembler assembler = new CallflowAssembler(BUILT_INS);

    private static StepTemplate step(String id, Map<String, Object> parameters) {
        return new StepTemplate(id, parameters);
    }

    private static StepTemplate say(String text) {
        return step("say", Map.of("text", text, "voiceProfile", VOICE));
    }

    private static final StepTemplate HANGUP = step("hangup", Map.of());

    private static StepTemplate menu(Map<String, Object> extra) {
        Map<String, Object> parameters = new LinkedHashMap<>(
                Map.of("promptMessage", "Press 1 for bookings.", "voiceProfile", VOICE));
        parameters.putAll(extra);
        return step("sayAndCapture", parameters);
    }

    // --- references ---------------------------------------------------------------------------------------------

    @Test
    void resolvesReferencesPerCall() {
        List<StepTemplate> steps = List.of(
                say("You called from ${source} on ${virtualNumber}, menu ${menu}. Write $${source} for a field."),
                HANGUP);
        PreparedSteps prepared = assembler.prepare(steps);

        Callflow first = assembler.assemble(null, prepared, TestCall.inbound().withMenu("main"));
        Callflow second = assembler.assemble(null, prepared, TestCall.inbound().withSource("+6590001111"));

        assertThat(((Say) first.actions().get(0)).text()).isEqualTo(
                "You called from +6562221234 on +6531580001, menu main. Write ${source} for a field.");
        assertThat(((Say) second.actions().get(0)).text()).isEqualTo(
                "You called from +6590001111 on +6531580001, menu . Write ${source} for a field.");
        assertThat(prepared.dependsOnCall()).isTrue();
    }

    @Test
    void everyCallFieldCanBeReferenced() {
        StringBuilder text = new StringBuilder();
        for (String name : CallField.referenceNames()) {
            text.append(name).append('=').append("${").append(name).append("};");
        }
        Callflow callflow = assembler.assemble("x", List.of(say(text.toString()), HANGUP),
                TestCall.inbound().withDtmf("42").withMenu("m1"));
        assertThat(((Say) callflow.actions().get(0)).text()).isEqualTo("source=+6562221234;destination=+6531580001;"
                + "virtualNumber=+6531580001;dtmf=42;menu=m1;sourceCountry=SG;destinationCountry=;sourceRefId=;"
                + "destinationRefId=vn-ref-7;callId=call-1;sessionId=session-1;subAccountId=acme;"
                + "callStatus=CALL_RECEIVED;direction=INBOUND;callType=PSTN;masking.counterparty=;masking.reference=;"
                + "masking.greeting=;masking.recording=;");
    }

    @Test
    void reportsAnUnknownReferenceWithASuggestion() {
        assertThat(assembler.check(List.of(say("Hello ${sorce}"), HANGUP))).containsExactly(new StepProblem(0,
                "text", "text has an unknown reference ${sorce}; did you mean ${source}?"));
    }

    @Test
    void reportsUnclosedAndEmptyReferences() {
        assertThat(assembler.check(List.of(say("Hello ${source"), HANGUP))).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("text has a reference that is not closed"));
        assertThat(assembler.check(List.of(say("Hello ${}"), HANGUP))).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("text has an empty reference"));
    }

    @Test
    void aReferenceToANonPhoneNumberFailsWhenTheCallIsAnswered() {
        List<StepTemplate> steps = List.of(step("makeCall",
                Map.of("source", "${virtualNumber}", "destination", "${source}")));
        assertThat(assembler.check(steps)).isEmpty();
        PreparedSteps prepared = assembler.prepare(steps);

        Callflow bridged = assembler.assemble(null, prepared, TestCall.inbound().withSource("+6590001111"));
        assertThat(bridged.actions()).containsExactly(new MakeCall("+6531580001", "+6590001111"));
        assertThatThrownBy(() -> assembler.assemble(null, prepared, TestCall.inbound().withSource("alice")))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("destination"));
    }

    @Test
    void typedValuesFromReferencesAreCheckedWhenTheCallIsAnswered() {
        PreparedSteps prepared = assembler.prepare(List.of(step("say",
                Map.of("text", "Hello", "voiceProfile", VOICE, "repetition", "${dtmf}")), HANGUP));
        assertThat(((Say) assembler.assemble(null, prepared, TestCall.inbound().withDtmf("2")).actions().get(0))
                .repetition()).isEqualTo(2);
        assertThatThrownBy(() -> assembler.assemble(null, prepared, TestCall.inbound().withDtmf("7")))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("repetition"));
        assertThatThrownBy(() -> assembler.assemble(null, prepared, TestCall.inbound().withDtmf("#")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("whole number");
    }

    // --- load-time problems -------------------------------------------------------------------------------------

    @Test
    void reportsAnUnknownActionWithASuggestion() {
        assertThat(assembler.check(List.of(step("sai", Map.of("text", "Hi")), HANGUP)))
                .containsExactly(new StepProblem(0, null, "There is no action \"sai\"; did you mean \"say\"?"));
        assertThat(assembler.check(List.of(step("transferCall", Map.of()))).get(0).message())
                .isEqualTo("There is no action \"transferCall\"; the available actions are"
                        + " hangup, makeCall, playFile, say, sayAndCapture.");
    }

    @Test
    void reportsAnUnknownParameterWithASuggestion() {
        assertThat(assembler.check(List.of(step("say", Map.of("text", "Hi", "voiceProfile", VOICE, "sped", 1.2)),
                HANGUP))).containsExactly(new StepProblem(0, "sped",
                "The action say has no parameter \"sped\"; did you mean \"speed\"?"));
        assertThat(assembler.check(List.of(say("Bye."), step("hangup", Map.of("now", true)))))
                .containsExactly(new StepProblem(1, "now",
                        "The action hangup has no parameter \"now\"; it takes no parameters."));
    }

    @Test
    void reportsMissingRequiredParameters() {
        assertThat(assembler.check(List.of(step("say", Map.of("text", "Hi")), HANGUP)))
                .containsExactly(new StepProblem(0, "voiceProfile", "voiceProfile is required."));
        assertThat(assembler.check(List.of(step("say", Map.of("text", "  ", "voiceProfile", VOICE)), HANGUP)))
                .containsExactly(new StepProblem(0, "text", "text is required and must not be empty."));
    }

    @Test
    void reportsTypeAndRangeProblemsNamingTheParameter() {
        List<StepProblem> problems = assembler.check(List.of(menu(Map.of(
                "maxDigits", 26, "completeOnHash", "yes", "speed", "fast", "noOfTries", 1.5))));
        assertThat(problems).containsExactlyInAnyOrder(
                new StepProblem(0, "maxDigits", "maxDigits must be between 1 and 25, not 26."),
                new StepProblem(0, "completeOnHash", "completeOnHash must be true or false, not \"yes\"."),
                new StepProblem(0, "speed", "speed must be a number, not \"fast\"."),
                new StepProblem(0, "noOfTries", "noOfTries must be a whole number, not 1.5."));
    }

    @Test
    void reportsAValueThatIsNotASingleValue() {
        assertThat(assembler.check(List.of(step("say", Map.of("text", List.of("a", "b"), "voiceProfile", VOICE)),
                HANGUP))).singleElement().satisfies(p -> {
                    assertThat(p.parameter()).isEqualTo("text");
                    assertThat(p.message()).startsWith("text must be a single value");
                });
    }

    @Test
    void trialBuildCatchesOverallTimeoutNotAboveDigitTimeout() {
        assertThat(assembler.check(List.of(menu(Map.of("digitTimeout", 5000, "overallTimeout", 5000)))))
                .containsExactly(new StepProblem(0, "overallTimeout",
                        "overallTimeout must be greater than digitTimeout (5000 <= 5000)."));
        assertThat(assembler.check(List.of(menu(Map.of("digitTimeout", 5000, "overallTimeout", 5001))))).isEmpty();
    }

    @Test
    void textLongerThan3000IsReportedForTheParameter() {
        assertThat(assembler.check(List.of(say("x".repeat(3001)), HANGUP))).containsExactly(
                new StepProblem(0, "text", "text is 3001 characters long; at most 3000 are allowed."));
        assertThat(assembler.check(List.of(say("x".repeat(3000)), HANGUP))).isEmpty();
    }

    /** A plugin that declares no bounds still cannot produce a too-long say: the record's own rule is trial-built. */
    @Test
    void trialBuildCatchesRecordRulesAPluginDoesNotDeclare() {
        ActionProvider shout = new TestProvider("shout", List.of(ParameterSpec.of("times", ParameterType.INTEGER)),
                (parameters, call) -> List.of(new Say("A".repeat(1000 * parameters.integer("times").orElse(1L)
                        .intValue()), VOICE)));
        CallflowAssembler withPlugin = new CallflowAssembler(ActionRegistry.of(shout));
        assertThat(withPlugin.check(List.of(step("shout", Map.of("times", 4))))).containsExactly(
                new StepProblem(0, "text", "text is 4000 characters long; 8x8 accepts at most 3000."));
        assertThat(withPlugin.check(List.of(step("shout", Map.of("times", 3))))).isEmpty();
    }

    @Test
    void reportsSequenceRulesForTheWholeCallflow() {
        assertThat(assembler.check(List.of(menu(Map.of()), HANGUP))).extracting(StepProblem::step,
                StepProblem::parameter).containsOnly(tuple(-1, null)).hasSize(2);
        assertThat(assembler.check(List.of())).containsExactly(
                new StepProblem(-1, null, "A callflow needs at least one action."));
    }

    @Test
    void sequenceRulesUseSampleValuesForReferences() {
        StepTemplate bridge = step("makeCall", Map.of("source", "${virtualNumber}", "destination", "+6562229999"));
        assertThat(assembler.check(List.of(bridge, bridge))).isEmpty();
        assertThat(assembler.check(List.of(bridge, bridge, bridge))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("at most 2 makeCall"));
    }

    @Test
    void aReferenceThatFailsForTheSampleCallIsNotReported() {
        StepTemplate bridge = step("makeCall", Map.of("source", "${virtualNumber}", "destination", "+65${dtmf}"));
        assertThat(assembler.check(List.of(bridge))).isEmpty();
        Callflow callflow = assembler.assemble(null, List.of(bridge), TestCall.inbound().withDtmf("62221234"));
        assertThat(callflow.actions()).containsExactly(new MakeCall("+6531580001", "+6562221234"));
    }

    @Test
    void reportsEveryProblemOfEveryStep() {
        List<StepProblem> problems = assembler.check(List.of(
                step("sai", Map.of()), step("say", Map.of("txt", "Hi", "voiceProfile", VOICE)), HANGUP));
        assertThat(problems).extracting(StepProblem::step, StepProblem::parameter).containsExactly(
                tuple(0, null),
                tuple(1, "txt"),
                tuple(1, "text"));
    }

    // --- defaults and assembling -------------------------------------------------------------------------------

    @Test
    void appliesDefaults() {
        Callflow callflow = assembler.assemble("main_menu", List.of(menu(Map.of())), TestCall.inbound());
        assertThat(callflow.clientActionId()).isEqualTo("main_menu");
        assertThat(callflow.actions()).containsExactly(
                SayAndCapture.builder("Press 1 for bookings.", VOICE).build());
        SayAndCapture capture = (SayAndCapture) callflow.actions().get(0);
        assertThat(capture.minDigits()).isEqualTo(1);
        assertThat(capture.maxDigits()).isEqualTo(1);
        assertThat(capture.completeOnHash()).isFalse();
        assertThat(capture.noOfTries()).isEqualTo(1);
        assertThat(capture.speed()).isEqualTo(1.0);
        assertThat(capture.repetition()).isNull();
        assertThat(capture.digitTimeout()).isNull();
    }

    @Test
    void convertsTextValuesToTheirParameterType() {
        Callflow callflow = assembler.assemble(null, List.of(menu(Map.of("maxDigits", "4", "completeOnHash", "true",
                "speed", "1.5", "noOfTries", 2.0))), TestCall.inbound());
        SayAndCapture capture = (SayAndCapture) callflow.actions().get(0);
        assertThat(capture.maxDigits()).isEqualTo(4);
        assertThat(capture.completeOnHash()).isTrue();
        assertThat(capture.speed()).isEqualTo(1.5);
        assertThat(capture.noOfTries()).isEqualTo(2);
    }

    @Test
    void assemblesStepsInOrderIntoValid8x8Json() throws Exception {
        Callflow callflow = assembler.assemble("post_call", List.of(
                step("playFile", Map.of("fileUrl", "https://cdn.example.com/hold.mp3")),
                say("Connecting you now."),
                step("makeCall", Map.of("source", "${virtualNumber}", "destination", 6562221234L,
                        "callRecording", true))), TestCall.inbound().withSource("+6590001111"));
        EightByEightCallflow parsed = EightByEightCallflow.parse(CallflowJson.toJson(callflow));
        assertThat(parsed.actionNames()).containsExactly("playFile", "say", "makeCall");
        assertThat(parsed.first(MakeCall.class)).isEqualTo(new MakeCall("+6531580001", "+6562221234", true));
    }

    @Test
    void prepareRefusesStepsWithProblems() {
        assertThatThrownBy(() -> assembler.prepare(List.of(say("Hi ${sorce}"), HANGUP)))
                .isInstanceOfSatisfying(CallflowException.class, e -> assertThat(e.reasons()).containsExactly(
                        "Step 1: text has an unknown reference ${sorce}; did you mean ${source}?"));
        assertThatThrownBy(() -> assembler.assemble(null, List.of(menu(Map.of()), HANGUP), TestCall.inbound()))
                .isInstanceOf(CallflowException.class).hasMessageContaining("straight after");
    }

    @Test
    void preparesEachStepListOnceWhenAssemblingFromTemplates() {
        AtomicInteger described = new AtomicInteger();
        ActionProvider counted = new TestProvider("counted", List.of(), (parameters, call) -> List.of(new Hangup())) {
            @Override
            public List<ParameterSpec> parameters() {
                described.incrementAndGet();
                return List.of();
            }
        };
        CallflowAssembler withPlugin = new CallflowAssembler(ActionRegistry.of(counted));
        int afterRegistration = described.get();
        for (int i = 0; i < 3; i++) {
            withPlugin.assemble(null, List.of(step("counted", Map.of())), TestCall.inbound());
        }
        assertThat(described.get() - afterRegistration).isEqualTo(1);
    }

    @Test
    void aProviderFailureAtCallTimeBecomesACallflowException() {
        ActionProvider flaky = new TestProvider("flaky", List.of(), (parameters, call) -> {
            if (call.source().equals("+6590001111")) {
                throw new IllegalStateException("backend down");
            }
            return List.of(new Hangup());
        });
        CallflowAssembler withPlugin = new CallflowAssembler(ActionRegistry.of(flaky));
        PreparedSteps prepared = withPlugin.prepare(List.of(step("flaky", Map.of())));
        assertThat(withPlugin.assemble(null, prepared, TestCall.inbound()).actions()).containsExactly(new Hangup());
        assertThatThrownBy(() -> withPlugin.assemble(null, prepared, TestCall.inbound().withSource("+6590001111")))
                .isInstanceOf(CallflowException.class).hasMessageContaining("Step 1 (flaky) failed")
                .hasMessageContaining("backend down").hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aProviderFailingAtLoadTimeIsReported() {
        ActionProvider broken = new TestProvider("broken", List.of(), (parameters, call) -> null);
        assertThat(new CallflowAssembler(ActionRegistry.of(broken)).check(List.of(step("broken", Map.of()))))
                .containsExactly(new StepProblem(0, null, "The action broken returned no list of actions."));
    }

    @Test
    void aProviderThrowingAtLoadTimeIsReportedAgainstTheStep() {
        ActionProvider failing = new TestProvider("failing", List.of(), (parameters, call) -> {
            throw new IllegalStateException("not configured");
        });
        assertThat(new CallflowAssembler(ActionRegistry.of(failing)).check(List.of(step("failing", Map.of()))))
                .containsExactly(new StepProblem(0, null, "The action failing failed while being checked:"
                        + " java.lang.IllegalStateException: not configured"));
    }

    @Test
    void checksChoicePhoneNumberAndAudioUrlParameters() {
        ActionProvider plugin = new TestProvider("route", List.of(
                // ParameterSpec.of(name, CHOICE) refuses an empty choice list, so CHOICE needs the full constructor.
                new ParameterSpec("team", ParameterType.CHOICE, "Team", "", false, null, null, null,
                        List.of("sales", "support")),
                ParameterSpec.of("number", ParameterType.PHONE_NUMBER),
                ParameterSpec.of("music", ParameterType.AUDIO_URL)), (parameters, call) -> List.of(new Hangup()));
        CallflowAssembler withPlugin = new CallflowAssembler(ActionRegistry.of(plugin));
        assertThat(withPlugin.check(List.of(step("route", Map.of("team", "support", "number", "6531580001",
                "music", "https://cdn.example.com/m.wav"))))).isEmpty();
        assertThat(withPlugin.check(List.of(step("route", Map.of("team", "billing", "number", "555-1234",
                "music", "ftp://cdn.example.com/m.wav"))))).containsExactlyInAnyOrder(
                new StepProblem(0, "team", "team must be one of sales, support, not \"billing\"."),
                new StepProblem(0, "number", "number \"555-1234\" is not an E.164 phone number"
                        + " (a + and 7 to 15 digits, e.g. +6531580001)."),
                new StepProblem(0, "music", "music must be a public http or https URL."));
    }

    /** A plugin made of a lambda. */
    private static class TestProvider implements ActionProvider {
        interface Builder {
            List<CallAction> build(Parameters parameters, CallContext call);
        }

        private final String id;
        private final List<ParameterSpec> parameters;
        private final Builder builder;

        TestProvider(String id, List<ParameterSpec> parameters, Builder builder) {
            this.id = id;
            this.parameters = parameters;
            this.builder = builder;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<ParameterSpec> parameters() {
            return parameters;
        }

        @Override
        public List<CallAction> build(Parameters values, CallContext call) {
            return builder.build(values, call);
        }
    }
}
