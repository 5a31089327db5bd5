package io.callroute.store;

import java.time.Instant;

/**
 * A rule set as kept in the store.
 *
 * @param name      the rule set's name
 * @param yaml      its source, as written
 * @param origin    where it was imported from (a file path), or null
 * @param updatedAt when it last changed
 */
public record StoredRuleSet(String name, String yaml, String origin, Instant updatedAt) {
}
