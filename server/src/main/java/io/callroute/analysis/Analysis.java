package io.callroute.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.http.ApiErrorException;
import io.callroute.publishing.EditRefused;
import io.callroute.publishing.PublishCheck;
import io.callroute.publishing.Versions;
import io.callroute.rules.CompiledRules;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysis feature: the publish check, and the rule base of a version (live, draft or a number) analysed or
 * drawn as a routing calendar for the admin API.
 */
public final class Analysis {

    private final Versions versions;
    private final RuleSetAnalyzer analyzer;
    private final Clock clock;

    public Analysis(Versions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
        this.analyzer = new RuleSetAnalyzer(clock);
    }

    /** The check to register with {@code Publishing.checks()}. */
    public PublishCheck check() {
        return new AnalysisCheck(analyzer, candidate -> defaultZones(candidate.version() == 0 ? Versions.DRAFT
                : String.valueOf(candidate.version())));
    }

    /** The JAX-RS resources: {@code GET /api/analysis} and {@code GET /api/calendar}. */
    public List<Object> resources() {
        return List.of(new AnalysisResource(this), new CalendarResource(this));
    }

    Clock clock() {
        return clock;
    }

    /** The version reference of a query parameter: {@code live} when absent; 400 for anything but a reference. */
    static String version(String value) {
        if (value == null || value.isBlank()) {
            return Versions.LIVE;
        }
        if (value.equals(Versions.LIVE) || value.equals(Versions.DRAFT) || value.matches("[1-9][0-9]{0,8}")) {
            return value;
        }
        throw new ApiErrorException(400, "invalid_parameter", "version must be live, draft or a version number",
                "version");
    }

    AnalysisReport analyze(String version) {
        return analyzer.analyze(versions.compiled(version), defaultZones(version));
    }

    EntryPlanner planner(String version) {
        CompiledRules rules = versions.compiled(version);
        return new EntryPlanner(rules, clock, defaultZones(version));
    }

    /** Each rule set's {@code defaultZone}; empty when the version's rule sets cannot be read. */
    Map<String, ZoneId> defaultZones(String version) {
        Map<String, ZoneId> zones = new HashMap<>();
        try {
            for (ObjectNode set : versions.ruleSets(version)) {
                String zone = set.path("defaultZone").asText("");
                if (!zone.isEmpty()) {
                    zones.put(set.path("ruleSet").asText(), ZoneId.of(zone));
                }
            }
        } catch (EditRefused | DateTimeException e) {
            return Map.of();   // a version about to be published is not stored yet; UTC is the fallback
        }
        return zones;
    }
}
