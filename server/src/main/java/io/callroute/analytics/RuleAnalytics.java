package io.callroute.analytics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.http.ApiJson;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.RankedRule;
import io.callroute.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Rule analytics over a time window, computed by SQL from the call log, so they survive restarts and count the
 * calls of every node: hits and last fired per rule (live rules that never fired included, with 0), fallbacks by
 * reason, and per menu a DTMF funnel — how often the menu was offered, which keys callers pressed, how often they
 * pressed several keys or none before the timeout, how often the input was not a choice the menu offers (judged by
 * the live rule that answered it, {@link KeyHandling}), and how often the answer was the fallback.
 *
 * <p>An event 8x8 delivered twice counts once (by its eventId).
 */
public final class RuleAnalytics {

    /** One delivery per event: redeliveries of a CALL_ACTION are logged again but were answered once. */
    private static final String EVENTS = "COUNT(DISTINCT COALESCE(event_id, CAST(id AS VARCHAR(20))))";
    private static final String WINDOW = " AND received_at >= ? AND received_at < ?";
    private static final String RULES = "SELECT deciding_rule, " + EVENTS + ", MAX(received_at) FROM webhook_event"
            + " WHERE event_type = 'CALL_ACTION' AND outcome = 'ANSWERED' AND deciding_rule IS NOT NULL" + WINDOW
            + " GROUP BY deciding_rule";
    private static final String FALLBACKS = "SELECT COALESCE(fallback_kind, 'unknown'), " + EVENTS
            + " FROM webhook_event WHERE event_type = 'CALL_ACTION' AND outcome = 'FALLBACK'" + WINDOW
            + " GROUP BY COALESCE(fallback_kind, 'unknown')";
    private static final String ENTERED = "SELECT menu_out, " + EVENTS + " FROM webhook_event"
            + " WHERE event_type = 'CALL_ACTION' AND menu_out IS NOT NULL" + WINDOW + " GROUP BY menu_out";
    private static final String INPUT = "SELECT menu_in, dtmf, outcome, deciding_rule, " + EVENTS
            + " FROM webhook_event WHERE event_type = 'CALL_ACTION' AND menu_in IS NOT NULL AND dtmf IS NOT NULL"
            + WINDOW + " GROUP BY menu_in, dtmf, outcome, deciding_rule";

    private final DataSource dataSource;
    private final Supplier<Optional<CompiledRules>> liveRules;

    /** @param liveRules the rules live now, whose rules are listed even when they never fired */
    public RuleAnalytics(DataSource dataSource, Supplier<Optional<CompiledRules>> liveRules) {
        this.dataSource = dataSource;
        this.liveRules = liveRules;
    }

    /** The analytics of calls received in [from, to). */
    public ObjectNode report(Instant from, Instant to) {
        ObjectNode report = ApiJson.MAPPER.createObjectNode();
        report.put("from", from.toString());
        report.put("to", to.toString());
        try (Connection connection = dataSource.getConnection()) {
            report.set("rules", rules(connection, from, to));
            report.set("fallbacks", fallbacks(connection, from, to));
            report.set("menus", menus(connection, from, to));
        } catch (SQLException e) {
            throw new StoreException("computing rule analytics", e);
        }
        return report;
    }

    private ArrayNode rules(Connection connection, Instant from, Instant to) throws SQLException {
        record Hits(String rule, long hits, Instant lastFired, boolean live) {
        }
        Map<String, Hits> byRule = new LinkedHashMap<>();
        liveRules.get().ifPresent(live -> {
            for (RankedRule rule : live.rules()) {
                byRule.put(rule.qualifiedName(), new Hits(rule.qualifiedName(), 0, null, true));
            }
        });
        try (PreparedStatement select = window(connection, RULES, from, to); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String rule = rows.getString(1);
                byRule.put(rule, new Hits(rule, rows.getLong(2), rows.getTimestamp(3).toInstant(),
                        byRule.containsKey(rule)));
            }
        }
        ArrayNode rules = ApiJson.MAPPER.createArrayNode();
        byRule.values().stream().sorted(Comparator.comparingLong(Hits::hits).reversed()
                        .thenComparing(Hits::rule))
                .forEach(hits -> {
                    ObjectNode rule = rules.addObject().put("rule", hits.rule()).put("hits", hits.hits());
                    if (hits.lastFired() == null) {
                        rule.putNull("lastFired");
                    } else {
                        rule.put("lastFired", hits.lastFired().toString());
                    }
                    rule.put("live", hits.live());
                });
        return rules;
    }

    private ArrayNode fallbacks(Connection connection, Instant from, Instant to) throws SQLException {
        Map<String, Long> byReason = new TreeMap<>();
        try (PreparedStatement select = window(connection, FALLBACKS, from, to);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                byReason.put(rows.getString(1), rows.getLong(2));
            }
        }
        ArrayNode fallbacks = ApiJson.MAPPER.createArrayNode();
        byReason.forEach((reason, count) -> fallbacks.addObject().put("reason", reason).put("count", count));
        return fallbacks;
    }

    private ArrayNode menus(Connection connection, Instant from, Instant to) throws SQLException {
        Map<String, MenuFunnel> funnels = new TreeMap<>();
        KeyHandling handling = new KeyHandling(liveRules.get().map(CompiledRules::rules).orElse(List.of()));
        try (PreparedStatement select = window(connection, ENTERED, from, to);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                funnels.computeIfAbsent(rows.getString(1), MenuFunnel::new).entered += rows.getLong(2);
            }
        }
        try (PreparedStatement select = window(connection, INPUT, from, to);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String input = rows.getString(2);
                KeyHandling.Kind kind = input.equals("timeout") ? KeyHandling.Kind.UNKNOWN
                        : handling.classify(rows.getString(4), input);
                funnels.computeIfAbsent(rows.getString(1), MenuFunnel::new)
                        .add(input, "FALLBACK".equals(rows.getString(3)), kind, rows.getLong(5));
            }
        }
        ArrayNode menus = ApiJson.MAPPER.createArrayNode();
        new ArrayList<>(funnels.values()).forEach(funnel -> menus.add(funnel.toJson()));
        return menus;
    }

    private static PreparedStatement window(Connection connection, String sql, Instant from, Instant to)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setTimestamp(1, Timestamp.from(from));
        statement.setTimestamp(2, Timestamp.from(to));
        return statement;
    }

    /** One menu's funnel. */
    private static final class MenuFunnel {
        private final String menu;
        private long entered;
        private long responses;
        private final Map<String, Long> keys = new TreeMap<>();
        private long severalKeys;
        private long timeouts;
        private long fallbacks;
        private long invalid;
        private final Map<String, Long> invalidKeys = new TreeMap<>();

        MenuFunnel(String menu) {
            this.menu = menu;
        }

        void add(String dtmf, boolean fallback, KeyHandling.Kind kind, long count) {
            responses += count;
            if (kind == KeyHandling.Kind.INVALID) {
                invalid += count;
                if (dtmf.startsWith("key:")) {
                    invalidKeys.merge(dtmf.substring(4), count, Long::sum);
                }
            }
            if (dtmf.startsWith("key:")) {
                keys.merge(dtmf.substring(4), count, Long::sum);
            } else if (dtmf.startsWith("digits:")) {
                severalKeys += count;
            } else if (dtmf.equals("timeout")) {
                timeouts += count;
            }
            if (fallback) {
                fallbacks += count;
            }
        }

        ObjectNode toJson() {
            ObjectNode json = ApiJson.MAPPER.createObjectNode();
            json.put("menu", menu);
            json.put("entered", entered);
            json.put("responses", responses);
            ObjectNode pressed = json.putObject("keys");
            keys.forEach(pressed::put);
            json.put("severalKeys", severalKeys);
            json.put("timeouts", timeouts);
            json.put("invalid", invalid);
            ObjectNode invalidPressed = json.putObject("invalidKeys");
            invalidKeys.forEach(invalidPressed::put);
            json.put("fallbacks", fallbacks);
            return json;
        }
    }
}
