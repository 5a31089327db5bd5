package io.callroute.actions;

import io.callroute.plugin.CallContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The call fields a step's text may refer to as {@code ${name}}, e.g. {@code "Connecting ${source}"} or a
 * {@code makeCall} whose source is {@code ${virtualNumber}}. The set is closed so that a misspelt reference is caught
 * when the rules load instead of silently speaking an empty string to a caller.
 */
public enum CallField {
    SOURCE("source", CallContext::source),
    DESTINATION("destination", CallContext::destination),
    VIRTUAL_NUMBER("virtualNumber", CallContext::virtualNumber),
    DTMF("dtmf", call -> call.dtmf().orElse(null)),
    MENU("menu", call -> call.menu().orElse(null)),
    SOURCE_COUNTRY("sourceCountry", call -> call.sourceCountry().orElse(null)),
    DESTINATION_COUNTRY("destinationCountry", call -> call.destinationCountry().orElse(null)),
    SOURCE_REF_ID("sourceRefId", call -> call.sourceRefId().orElse(null)),
    DESTINATION_REF_ID("destinationRefId", call -> call.destinationRefId().orElse(null)),
    CALL_ID("callId", CallContext::callId),
    SESSION_ID("sessionId", CallContext::sessionId),
    SUB_ACCOUNT_ID("subAccountId", CallContext::subAccountId),
    CALL_STATUS("callStatus", CallContext::callStatus),
    DIRECTION("direction", CallContext::direction),
    CALL_TYPE("callType", CallContext::callType),
    /** The other party of the caller's live number-masking session. */
    MASKING_COUNTERPARTY("masking.counterparty", call -> call.fact("masking.counterparty").orElse(null)),
    /** The masking session's reference, e.g. a booking id. */
    MASKING_REFERENCE("masking.reference", call -> call.fact("masking.reference").orElse(null)),
    /** The masking session's greeting, said before bridging. */
    MASKING_GREETING("masking.greeting", call -> call.fact("masking.greeting").orElse(null)),
    /** {@code true} when the masking session asks for the bridged call to be recorded. */
    MASKING_RECORDING("masking.recording", call -> call.fact("masking.recording").orElse(null));

    private static final Map<String, CallField> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(CallField::referenceName, Function.identity()));

    private final String referenceName;
    private final Function<CallContext, String> accessor;

    CallField(String referenceName, Function<CallContext, String> accessor) {
        this.referenceName = referenceName;
        this.accessor = accessor;
    }

    /** The name written between {@code ${…}}, e.g. {@code virtualNumber}. */
    public String referenceName() {
        return referenceName;
    }

    /** This field of the call; the empty string when the call does not have it (e.g. no keys were pressed). */
    public String valueIn(CallContext call) {
        String value = accessor.apply(call);
        return value == null ? "" : value;
    }

    /** The field with this reference name (exact case). */
    public static Optional<CallField> byReferenceName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** All reference names, in declaration order (for help texts and suggestions). */
    public static List<String> referenceNames() {
        return Arrays.stream(values()).map(CallField::referenceName).toList();
    }
}
