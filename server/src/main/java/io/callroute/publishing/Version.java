package io.callroute.publishing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * A published version: immutable, numbered, every rule set it contains (by name).
 *
 * @param number    its number; answers of calls it decided carry it ({@code main_menu:v12})
 * @param ruleSets  the rule set documents, ordered by name
 * @param createdBy who published it
 * @param createdAt when
 * @param comment   what the publisher said about it, or null
 */
public record Version(int number, List<ObjectNode> ruleSets, String createdBy, Instant createdAt, String comment) {

    public Version {
        ruleSets = List.copyOf(ruleSets);
    }

    public List<String> ruleSetNames() {
        return ruleSets.stream().map(set -> set.path("ruleSet").asText()).toList();
    }
}
