package io.callroute.masking;

import io.callroute.event.PhoneMask;
import io.callroute.http.ApiErrorException;
import io.callroute.plugin.ActionLimits;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The rules every new session must meet, checked before anything is stored; the first problem is answered 400
 * naming its field. Whether the numbers are free is a question for the store, not for this class.
 */
final class SessionValidator {

    static final int MAX_REFERENCE_LENGTH = 128;
    static final int MAX_GREETING_LENGTH = ActionLimits.MAX_TEXT_LENGTH;
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_.:-]{1," + MAX_REFERENCE_LENGTH + "}");

    private SessionValidator() {
    }

    static void check(NewSession request, Instant now) {
        number(request.virtualNumber(), "virtualNumber");
        number(request.partyA(), "partyA");
        number(request.partyB(), "partyB");
        if (request.partyA().equals(request.partyB())) {
            throw invalid("same_party", "\"partyA\" and \"partyB\" are the same number; a session masks two "
                    + "different parties.", "partyB");
        }
        for (String field : new String[] {"partyA", "partyB"}) {
            String party = field.equals("partyA") ? request.partyA() : request.partyB();
            if (party.equals(request.virtualNumber())) {
                throw invalid("party_is_virtual_number", "\"" + field + "\" is the virtual number itself; a party "
                        + "must be a real phone.", field);
            }
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw invalid("expiry_in_past", "\"expiresAt\" must be in the future (it is " + request.expiresAt()
                    + ", now is " + now + ").", "expiresAt");
        }
        if (request.reference() != null && !REFERENCE.matcher(request.reference()).matches()) {
            throw invalid("invalid_reference", "\"reference\" must be 1 to " + MAX_REFERENCE_LENGTH
                    + " characters of A-Z, a-z, 0-9 and _ . : -", "reference");
        }
        if (request.greeting() != null && (request.greeting().isBlank()
                || request.greeting().length() > MAX_GREETING_LENGTH)) {
            throw invalid("invalid_greeting", "\"greeting\" must be 1 to " + MAX_GREETING_LENGTH
                    + " characters when given.", "greeting");
        }
    }

    private static void number(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid("missing_field", "\"" + field + "\" is required.", field);
        }
        if (!ActionLimits.isE164(value)) {
            throw invalid("invalid_number", "\"" + field + "\" must be an E.164 number with its + (7 to 15 digits, "
                    + "e.g. +6531580001), not \"" + PhoneMask.mask(value) + "\".", field);
        }
    }

    private static ApiErrorException invalid(String code, String message, String field) {
        return new ApiErrorException(400, code, message, field);
    }
}
