package io.callroute.plugin;

/**
 * Calls {@code destination} and bridges the caller to it once answered (8x8 {@code makeCall}). Numbers are kept in
 * E.164 form with a leading {@code +}; one given without it gets it added.
 *
 * @param source        the caller id the callee sees; must be a virtual number of the 8x8 subaccount
 * @param destination   the number to call
 * @param callRecording whether 8x8 records the bridged call (needs recording enabled on the account)
 */
public record MakeCall(String source, String destination, boolean callRecording) implements CallAction {

    public MakeCall {
        source = ActionLimits.phoneNumber("source", source);
        destination = ActionLimits.phoneNumber("destination", destination);
        if (source.equals(destination)) {
            throw new InvalidParameterException("destination", "is the same number as source (" + source + ")");
        }
    }

    public MakeCall(String source, String destination) {
        this(source, destination, false);
    }

    @Override
    public String actionName() {
        return "makeCall";
    }
}
