package io.callroute.auth;

import io.callroute.http.ApiErrorException;
import java.time.Duration;

/**
 * A signed-in user changing their own password: they must prove they know the current one (checked like a sign-in,
 * so it is throttled and a wrong one is audited as {@code login.failed}), the new one must meet the
 * {@link PasswordPolicy}, and their other browser sessions end — whoever else held them no longer knows the
 * password — while the session making the change stays valid.
 */
public final class OwnPassword {

    private final Authenticator authenticator;
    private final UserAdmin users;

    public OwnPassword(Authenticator authenticator, UserAdmin users) {
        this.authenticator = authenticator;
        this.users = users;
    }

    /** What became of the request when it was not refused with an error. */
    public sealed interface Outcome {
        /** The new password is stored. */
        record Changed() implements Outcome {
        }

        /** Too many recent wrong passwords for this user or address: nothing was checked; retry after the wait. */
        record Throttled(Duration retryAfter) implements Outcome {
        }
    }

    /**
     * Changes the actor's password.
     *
     * @param keepSession the cookie value of the session making the change (it stays valid), or null
     * @throws ApiErrorException 400 naming {@code new} for a weak password, 403 {@code wrong_password} naming
     *                           {@code current} when the current password is wrong
     */
    public Outcome change(Actor actor, String current, String next, String address, String keepSession) {
        // The policy first: it costs no hashing and an unacceptable new password should not use up an attempt.
        PasswordPolicy.problem(actor.username(), next).ifPresent(problem -> {
            throw new ApiErrorException(400, "weak_password", problem, "new");
        });
        if (next.equals(current)) {
            throw new ApiErrorException(400, "same_password", "The new password must differ from the current one.",
                    "new");
        }
        Authenticator.PasswordCheck check = authenticator.checkPassword(actor.username(), current, address,
                "password-change");
        if (check instanceof Authenticator.PasswordCheck.Throttled throttled) {
            return new Outcome.Throttled(throttled.retryAfter());
        }
        if (!(check instanceof Authenticator.PasswordCheck.Accepted)) {
            throw new ApiErrorException(403, "wrong_password", "The current password is not right.", "current");
        }
        users.changeOwnPassword(actor, next, "session".equals(actor.via()) ? keepSession : null);
        return new Outcome.Changed();
    }
}
