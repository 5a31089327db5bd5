package io.callroute.audit;

import java.time.Instant;

/**
 * One recorded event, as the audit API returns it.
 *
 * @param id     increasing number, unique
 * @param at     when it happened
 * @param actor  who did it (a username or {@code system})
 * @param action what was done, e.g. {@code user.updated}
 * @param target what it was done to, e.g. {@code user:alice}, or null
 * @param before the state before (JSON or YAML text), or null
 * @param after  the state after, or null
 */
public record AuditEvent(long id, Instant at, String actor, String action, String target, String before,
                         String after) {
}
