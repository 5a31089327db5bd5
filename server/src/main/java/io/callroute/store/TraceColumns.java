package io.callroute.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The decision trace's columns of {@code webhook_event} (V6), set in order from a start index: rules_version,
 * deciding_rule, matched_rules (JSON array), menu_in, menu_out, dtmf, fallback_kind, plugin_calls (JSON array).
 */
final class TraceColumns {

    static final int COUNT = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_JSON = 2000;

    private TraceColumns() {
    }

    static void set(PreparedStatement statement, int first, DecisionTrace trace) throws SQLException {
        if (trace == null) {
            statement.setNull(first, Types.INTEGER);
            for (int i = 1; i < COUNT; i++) {
                statement.setNull(first + i, Types.VARCHAR);
            }
            return;
        }
        if (trace.rulesVersion() == null) {
            statement.setNull(first, Types.INTEGER);
        } else {
            statement.setInt(first, trace.rulesVersion());
        }
        statement.setString(first + 1, clip(trace.rule(), 200));
        statement.setString(first + 2, matchedRules(trace.matchedRules()));
        statement.setString(first + 3, clip(trace.menuIn(), 200));
        statement.setString(first + 4, clip(trace.menuOut(), 200));
        statement.setString(first + 5, clip(trace.dtmf(), 32));
        statement.setString(first + 6, clip(trace.fallbackKind(), 64));
        statement.setString(first + 7, pluginCalls(trace.plugins()));
    }

    /** A JSON array of the names, as many as fit the column (never a cut-off, unreadable array). */
    static String matchedRules(List<String> names) {
        ArrayNode array = JSON.createArrayNode();
        int length = 2;
        for (String name : names) {
            length += name.length() + 3;
            if (length > MAX_JSON) {
                break;
            }
            array.add(name);
        }
        return array.toString();
    }

    static String pluginCalls(List<DecisionTrace.PluginUse> uses) {
        if (uses.isEmpty()) {
            return null;
        }
        ArrayNode array = JSON.createArrayNode();
        for (DecisionTrace.PluginUse use : uses) {
            ObjectNode item = array.addObject();
            item.put("plugin", clip(use.plugin(), 100));
            item.put("calls", use.calls());
            item.put("micros", use.micros());
            item.put("failures", use.failures());
        }
        return array.toString();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
