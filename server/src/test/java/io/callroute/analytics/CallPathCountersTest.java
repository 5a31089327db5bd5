package io.callroute.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.callroute.actions.ActionRegistry;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.RuleCompiler;
import io.callroute.rules.RuleSetSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call path's counters keep their labels bounded whatever the events say. */
class CallPathCountersTest {

    private static final String RULES = """
            ruleSet: menu
            rules:
              - id: welcome
                when: { callStatus: CALL_RECEIVED }
                then:
                  menu: main_menu
                  steps:
                    - sayAndCapture: { promptMessage: "Press 1.", voiceProfile: en-GB-Emma }
            """;

    @Test
    void countsRuleHitsAndMenuKeysWithBoundedLabels() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CallPathCounters counters = new CallPathCounters(registry);
        CompiledRules rules = new RuleCompiler().compile(List.of(new RuleSetSource("menu", RULES)),
                ActionRegistry.load(getClass().getClassLoader()));

        counters.ruleHit("menu/welcome");
        counters.ruleHit("menu/welcome");
        counters.menuInput(rules, "main_menu", "1");
        counters.menuInput(rules, "main_menu", null);
        counters.menuInput(rules, "main_menu", "1234");
        counters.menuInput(rules, "main_menu", "#");
        counters.menuInput(rules, "made-up-by-someone", "1");

        assertThat(registry.get("callroute.rule.hits").tag("rule", "menu/welcome").counter().count()).isEqualTo(2);
        assertThat(count(registry, "main_menu", "1")).isEqualTo(1);
        assertThat(count(registry, "main_menu", "none")).isEqualTo(1);
        assertThat(count(registry, "main_menu", "other")).isEqualTo(1);
        assertThat(count(registry, "main_menu", "#")).isEqualTo(1);
        assertThat(count(registry, "other", "1")).as("a menu the rules do not know").isEqualTo(1);
        assertThat(registry.find("callroute.menu.dtmf").tag("menu", "made-up-by-someone").counters()).isEmpty();
        assertThat(registry.find("callroute.menu.dtmf").tag("menu", "main_menu").counters())
                .as("0-9, *, #, none, other").hasSize(14);
    }

    private static double count(SimpleMeterRegistry registry, String menu, String key) {
        return registry.get("callroute.menu.dtmf").tag("menu", menu).tag("key", key).counter().count();
    }
}
