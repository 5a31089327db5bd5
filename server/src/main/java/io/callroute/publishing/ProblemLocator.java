package io.callroute.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import io.callroute.rules.RuleProblem;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the compiler's problems (rule set, rule id, field inside the rule) into JSON paths into the document the
 * editor sent, so a UI can put each message next to the field it is about. Rules are found by id, because that is
 * how the compiler names them; a rule without a usable id is named by its position already.
 */
final class ProblemLocator {

    private static final Pattern POSITION = Pattern.compile("rules\\[(\\d+)]");

    private final Map<String, ? extends JsonNode> documents;

    /** @param documents the rule set documents the problems are about, by name */
    ProblemLocator(Map<String, ? extends JsonNode> documents) {
        this.documents = documents;
    }

    List<Problem> locate(List<RuleProblem> problems) {
        return problems.stream().map(this::locate).toList();
    }

    Problem locate(RuleProblem problem) {
        JsonNode document = documents.get(problem.ruleSet());
        String ruleId = problem.ruleId();
        String field = problem.field();
        if (ruleId == null) {
            return new Problem(problem.ruleSet(), null, field == null ? "$" : "$." + field, problem.message());
        }
        Matcher position = POSITION.matcher(ruleId);
        int index;
        String id = ruleId;
        if (position.matches()) {
            index = Integer.parseInt(position.group(1));
            id = null;
        } else {
            index = indexOf(document, ruleId, "id".equals(field) && problem.message().contains("earlier rule"));
        }
        String rulePath = index < 0 ? "$.rules" : "$.rules[" + index + "]";
        return new Problem(problem.ruleSet(), id, field == null ? rulePath : rulePath + "." + field,
                problem.message());
    }

    /** The rule's position; for a duplicate id, the later one (the one the problem is about). */
    private static int indexOf(JsonNode document, String id, boolean later) {
        JsonNode rules = document == null ? null : document.get("rules");
        if (rules == null || !rules.isArray()) {
            return -1;
        }
        int found = -1;
        for (int i = 0; i < rules.size(); i++) {
            if (id.equals(rules.get(i).path("id").asText(null))) {
                if (!later) {
                    return i;
                }
                found = i;
            }
        }
        return found;
    }
}
