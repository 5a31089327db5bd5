package io.callroute.actions.builtin;

import io.callroute.plugin.ActionLimits;
import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.CallAction;
import io.callroute.plugin.CallContext;
import io.callroute.plugin.ParameterSpec;
import io.callroute.plugin.ParameterType;
import io.callroute.plugin.Parameters;
import io.callroute.plugin.SayAndCapture;
import java.util.List;

/**
 * The built-in {@code sayAndCapture} step: a spoken prompt, then the keys the caller presses (8x8
 * {@code sayAndCapture}, spec §5.3). The keys arrive with the next webhook, where a rule on {@code dtmf} picks the
 * next step; so this step must end its callflow.
 *
 * <p>Defaults follow the spec's safe emission policy: one key, no {@code #}, one try, and no timeouts unless both
 * are given (8x8's own defaults contradict each other).
 */
public final class SayAndCaptureProvider implements ActionProvider {

    private static final String PROMPT = "promptMessage";
    private static final String MIN_DIGITS = "minDigits";
    private static final String MAX_DIGITS = "maxDigits";
    private static final String COMPLETE_ON_HASH = "completeOnHash";
    private static final String DIGIT_TIMEOUT = "digitTimeout";
    private static final String OVERALL_TIMEOUT = "overallTimeout";
    private static final String TRIES = "noOfTries";
    private static final String SUCCESS = "successMessage";
    private static final String FAILURE = "failureMessage";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            SpeechParameters.message(PROMPT, "Prompt",
                    "What the caller hears before pressing keys, e.g. \"Press 1 for bookings, 2 for an agent.\"")
                    .asRequired(),
            SpeechParameters.voiceProfile(),
            digits(MIN_DIGITS, "Fewest keys", "The fewest keys the caller must press."),
            digits(MAX_DIGITS, "Most keys",
                    "The most keys the caller may press; input ends when they are pressed unless # ends it."),
            ParameterSpec.of(COMPLETE_ON_HASH, ParameterType.BOOLEAN)
                    .withLabel("# ends input")
                    .withHelp("Whether pressing # ends the input (useful for account numbers of varying length).")
                    .withDefault("false"),
            timeout(DIGIT_TIMEOUT, "Time between keys",
                    "Milliseconds the caller may take between two keys; needs a longer overall time limit."),
            timeout(OVERALL_TIMEOUT, "Overall time limit",
                    "Milliseconds the caller has to enter all keys; must be longer than the time between keys."),
            ParameterSpec.of(TRIES, ParameterType.INTEGER)
                    .withLabel("Tries")
                    .withHelp("How many times the prompt is played when the input is missing or invalid, 1 to 3.")
                    .withDefault("1")
                    .withRange((double) ActionLimits.MIN_TRIES, (double) ActionLimits.MAX_TRIES),
            SpeechParameters.speed(),
            SpeechParameters.repetition("How many times the prompt is spoken, 1 to 3; leave empty for 8x8's default."),
            SpeechParameters.message(SUCCESS, "Success message", "Spoken after valid input; leave empty for none."),
            SpeechParameters.message(FAILURE, "Failure message",
                    "Spoken after missing or invalid input, e.g. \"Sorry, that was not a valid choice.\""));

    private static ParameterSpec digits(String name, String label, String help) {
        return ParameterSpec.of(name, ParameterType.INTEGER)
                .withLabel(label)
                .withHelp(help + " 1 to " + ActionLimits.MAX_DIGITS + ".")
                .withDefault("1")
                .withRange((double) ActionLimits.MIN_DIGITS, (double) ActionLimits.MAX_DIGITS);
    }

    private static ParameterSpec timeout(String name, String label, String help) {
        return ParameterSpec.of(name, ParameterType.INTEGER)
                .withLabel(label)
                .withHelp(help)
                .withRange(1.0, (double) ActionLimits.MAX_TIMEOUT_MILLIS);
    }

    @Override
    public String id() {
        return "sayAndCapture";
    }

    @Override
    public String displayName() {
        return "Menu (say and capture keys)";
    }

    @Override
    public String description() {
        return "Speaks a prompt and collects the keys the caller presses. The keys arrive with the next event of the"
                + " call, so this must be the last step of its answer.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<CallAction> build(Parameters parameters, CallContext call) {
        return List.of(SayAndCapture.builder(parameters.text(PROMPT).orElse(null),
                        parameters.text(SpeechParameters.VOICE_PROFILE).orElse(null))
                .speed(parameters.number(SpeechParameters.SPEED).orElse(1.0))
                .repetition(WholeNumbers.optional(parameters, SpeechParameters.REPETITION).orElse(null))
                .completeOnHash(parameters.flag(COMPLETE_ON_HASH).orElse(false))
                .digits(WholeNumbers.orElse(parameters, MIN_DIGITS, 1), WholeNumbers.orElse(parameters, MAX_DIGITS, 1))
                .timeouts(WholeNumbers.optional(parameters, DIGIT_TIMEOUT).orElse(null),
                        WholeNumbers.optional(parameters, OVERALL_TIMEOUT).orElse(null))
                .noOfTries(WholeNumbers.orElse(parameters, TRIES, 1))
                .successMessage(message(parameters, SUCCESS))
                .failureMessage(message(parameters, FAILURE))
                .build());
    }

    /** An empty message (e.g. a reference to a field the call lacks) means no message, not silence. */
    private static String message(Parameters parameters, String name) {
        return parameters.text(name).filter(text -> !text.isBlank()).orElse(null);
    }
}
