package io.callroute.webhook;

import io.callroute.http.CidrBlock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Decides whether a webhook request may come in: the {@code Authorization} header must equal the configured secret
 * (the {@code httpAuthHeader} set at 8x8), and the sender's address must lie in one of the configured blocks (8x8
 * publishes its source addresses). Either check is skipped when its setting is empty; with both empty the guard is
 * open and the server warns at start.
 *
 * <p>The secret is compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken reveals neither
 * how much of a guess was right nor how long the secret is.
 */
public final class WebhookGuard {

    /** Never used itself, only cloned (a MessageDigest is not thread-safe, a clone is the caller's own). */
    private static final MessageDigest SHA_256 = newSha256();

    /** The outcome of {@link #check}. */
    public enum Verdict { ALLOWED, UNAUTHORIZED, FORBIDDEN }

    static final String ALLOW_SETTING = "CALLROUTE_WEBHOOK_ALLOW";

    private final byte[] expectedDigest;
    private final List<CidrBlock> allowed;

    /**
     * @param authorization expected header value, or null/blank for no check
     * @param allow         comma-separated CIDR blocks (bare addresses allowed), or null/blank for any address;
     *                      a malformed entry stops the start with an InvalidSettingException naming it
     */
    public WebhookGuard(String authorization, String allow) {
        this.expectedDigest = isBlank(authorization) ? null : sha256(authorization.strip());
        this.allowed = isBlank(allow) ? List.of() : CidrBlock.parseSetting(ALLOW_SETTING, allow);
    }

    /** Whether nothing is checked at all. */
    public boolean isOpen() {
        return expectedDigest == null && allowed.isEmpty();
    }

    /** The configured address blocks (empty when any address is accepted). */
    public List<CidrBlock> allowedBlocks() {
        return allowed;
    }

    /**
     * @param authorizationHeader the request's {@code Authorization} header, or null
     * @param remoteAddress       the peer address as the servlet container reports it, or null
     */
    public Verdict check(String authorizationHeader, String remoteAddress) {
        if (expectedDigest != null) {
            byte[] given = sha256(authorizationHeader == null ? "" : authorizationHeader.strip());
            if (!MessageDigest.isEqual(expectedDigest, given)) {
                return Verdict.UNAUTHORIZED;
            }
        }
        if (!allowed.isEmpty() && allowed.stream().noneMatch(block -> block.contains(remoteAddress))) {
            return Verdict.FORBIDDEN;
        }
        return Verdict.ALLOWED;
    }

    private static byte[] sha256(String value) {
        try {
            // A clone of one instance: getInstance looks the algorithm up among the security providers on every
            // call, a visible share of a webhook's request thread; SUN's digests support clone.
            return ((MessageDigest) SHA_256.clone()).digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            return newSha256().digest(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
