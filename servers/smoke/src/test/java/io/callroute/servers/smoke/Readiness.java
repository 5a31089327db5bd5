package io.callroute.servers.smoke;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits for GET /health/ready to answer 200: the rules compiled and live, the store reachable. A deploy returns
 * when the container has started the web application, but some servers start it asynchronously, so the suite polls
 * this condition (with a deadline) rather than sleeping for a guessed time.
 */
final class Readiness {

    private Readiness() {
    }

    /** The ready answer; an AssertionError with the last answer seen if it does not come within {@code timeout}. */
    static HttpResponse<String> await(CallrouteClient client, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> ready = client.get("health/ready");
                if (ready.statusCode() == 200) {
                    return ready;
                }
                last = ready.statusCode() + " " + ready.body();
            } catch (UncheckedIOException e) {
                last = e.getMessage();
            }
            Thread.sleep(100);   // the poll interval of a condition with a deadline
        }
        throw new AssertionError("/health/ready did not answer 200 within " + timeout + "; last: " + last);
    }
}
