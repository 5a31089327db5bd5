package io.callroute.plugins;

import io.callroute.plugin.ActionProvider;
import io.callroute.plugin.FactProvider;
import io.callroute.plugin.FactSpec;
import io.callroute.plugin.ParameterSpec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One plugin as {@code GET /api/plugins} shows it: identity, status and why, its providers with the metadata the
 * admin UI draws forms from, its settings (secrets only as {@code {"set": true}}) and its providers' call metrics.
 *
 * @param json the API representation, ready to serialise
 */
public record PluginInfo(String name, PluginStatus status, String reason, Map<String, Object> json) {

    static PluginInfo of(PluginSlot slot, Map<String, Object> maskedSettings, MeterRegistry registry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", slot.name());
        json.put("version", slot.version());
        json.put("description", slot.description());
        json.put("apiVersion", slot.apiVersion());
        json.put("builtin", slot.builtin());
        json.put("files", slot.builtin() ? List.of() : slot.source().jars().stream().map(Path::getFileName)
                .map(Path::toString).toList());
        json.put("status", slot.status().json());
        json.put("reason", slot.reason());
        List<Object> settings = new ArrayList<>();
        for (ParameterSpec spec : slot.settings()) {
            Map<String, Object> setting = spec(spec);
            Object value = maskedSettings.get(spec.name());
            if (value instanceof Map<?, ?> secret) {
                setting.put("set", secret.get("set"));
            } else {
                setting.put("value", value);
            }
            settings.add(setting);
        }
        json.put("settings", settings);
        long calls = 0;
        long errors = 0;
        List<Object> actions = new ArrayList<>();
        for (ActionProvider provider : slot.actions()) {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("id", provider.id());
            action.put("displayName", provider.displayName());
            action.put("description", provider.description());
            action.put("parameters", provider.parameters().stream().map(PluginInfo::spec).toList());
            Map<String, Object> metrics = metrics(registry, slot.name(), provider.id());
            calls += (Long) metrics.get("calls");
            errors += (Long) metrics.get("errors");
            action.put("metrics", metrics);
            actions.add(action);
        }
        List<Object> facts = new ArrayList<>();
        for (FactProvider provider : slot.facts()) {
            Map<String, Object> fact = new LinkedHashMap<>();
            fact.put("id", provider.id());
            fact.put("displayName", provider.displayName());
            fact.put("description", provider.description());
            List<Object> specs = new ArrayList<>();
            for (FactSpec spec : provider.facts()) {
                specs.add(Map.of("name", provider.id() + "." + spec.name(), "type", spec.type().name(),
                        "description", spec.description()));
            }
            fact.put("facts", specs);
            Map<String, Object> metrics = metrics(registry, slot.name(), provider.id());
            calls += (Long) metrics.get("calls");
            errors += (Long) metrics.get("errors");
            fact.put("metrics", metrics);
            facts.add(fact);
        }
        json.put("providers", Map.of("actions", actions, "facts", facts));
        json.put("calls", calls);
        json.put("errors", errors);
        return new PluginInfo(slot.name(), slot.status(), slot.reason(), json);
    }

    private static Map<String, Object> spec(ParameterSpec spec) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", spec.name());
        json.put("type", spec.type().name());
        json.put("label", spec.label());
        json.put("help", spec.help());
        json.put("required", spec.required());
        json.put("default", spec.type() == io.callroute.plugin.ParameterType.SECRET ? null : spec.defaultValue());
        json.put("min", spec.min());
        json.put("max", spec.max());
        json.put("choices", spec.choices());
        return json;
    }

    /** Calls, errors (exceptions and invalid answers), mean and p99 latency in ms of one provider. */
    private static Map<String, Object> metrics(MeterRegistry registry, String plugin, String provider) {
        long calls = 0;
        long errors = 0;
        double totalMs = 0;
        double p99Ms = 0;
        for (Timer timer : registry.find(GuardedActionProvider.TIMER).tag("plugin", plugin)
                .tag("provider", provider).timers()) {
            long count = timer.count();
            calls += count;
            if (!"ok".equals(timer.getId().getTag("outcome"))) {
                errors += count;
            }
            totalMs += timer.totalTime(TimeUnit.MILLISECONDS);
            for (ValueAtPercentile percentile : timer.takeSnapshot().percentileValues()) {
                if (count > 0 && percentile.percentile() == 0.99) {
                    p99Ms = Math.max(p99Ms, percentile.value(TimeUnit.MILLISECONDS));
                }
            }
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("calls", calls);
        metrics.put("errors", errors);
        metrics.put("meanMs", calls == 0 ? 0.0 : totalMs / calls);
        metrics.put("p99Ms", p99Ms);
        return metrics;
    }
}
