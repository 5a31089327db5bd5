package io.callroute.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.publishing.Finding;

import java.util.List;
import java.util.Locale;

/**
 * What the analysis of one rule base found, and what it looked at.
 *
 * @param findings errors first
 * @param entries  each entry analysed: its zone, how many classes of calls were evaluated, whether completely, and
 *                 the rules that answer somewhere
 */
public record AnalysisReport(List<Finding> findings, List<EntrySummary> entries) {

    /** One analysed entry. */
    public record EntrySummary(Entry entry, String zone, int classes, int answered, boolean complete,
                               List<String> answeredBy) {

        public EntrySummary {
            answeredBy = List.copyOf(answeredBy);
        }
    }

    public AnalysisReport {
        findings = List.copyOf(findings);
        entries = List.copyOf(entries);
    }

    public ObjectNode toJson(String version) {
        ObjectNode body = Findings.NODES.objectNode().put("version", version);
        ArrayNode list = body.putArray("findings");
        for (Finding finding : findings) {
            ObjectNode node = list.addObject().put("check", finding.check())
                    .put("severity", finding.severity().name().toLowerCase(Locale.ROOT))
                    .put("code", finding.code()).put("message", finding.message());
            node.put("ruleSet", finding.ruleSet());
            node.put("ruleId", finding.ruleId());
            if (finding.details() != null) {
                node.set("details", finding.details());
            }
        }
        ArrayNode entryList = body.putArray("entries");
        for (EntrySummary summary : entries) {
            ObjectNode node = Findings.entry(summary.entry());
            node.put("zone", summary.zone()).put("classes", summary.classes()).put("answered", summary.answered())
                    .put("complete", summary.complete());
            node.set("answeredBy", Findings.strings(summary.answeredBy()));
            entryList.add(node);
        }
        return body;
    }
}
