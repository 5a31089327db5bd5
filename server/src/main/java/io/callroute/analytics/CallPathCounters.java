package io.callroute.analytics;

import io.callroute.rules.CompiledRules;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Prometheus counters the call path feeds: {@code callroute_rule_hits_total{rule}} and
 * {@code callroute_menu_dtmf_total{menu,key}}. Labels stay bounded whatever 8x8 (or anyone) sends: rules are the
 * rule base's own names, menus are only those the answering rules can put a caller in (anything else is
 * {@code other}), keys are 0-9, *, #, {@code none} (timeout) and {@code other} (several keys). Counters are created
 * once per label set and looked up in a map afterwards; nothing here does I/O.
 */
public final class CallPathCounters {

    static final String OTHER = "other";
    private static final String KEYS = "0123456789*#";
    private static final int NONE = KEYS.length();
    private static final int OTHER_KEY = NONE + 1;

    private final MeterRegistry registry;
    private final Map<String, Counter> ruleHits = new ConcurrentHashMap<>();
    private final Map<String, Counter[]> menuKeys = new ConcurrentHashMap<>();

    public CallPathCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A rule ({@code ruleSet/ruleId}) answered a CALL_ACTION. */
    public void ruleHit(String rule) {
        ruleHits.computeIfAbsent(rule, name -> Counter.builder("callroute.rule.hits").tag("rule", name)
                .description("CALL_ACTIONs answered by each rule").register(registry)).increment();
    }

    /**
     * A caller in {@code menu} answered its prompt with {@code dtmf} (null: no key before the timeout).
     *
     * @param rules the rules that answered, whose menus are the only ones counted by name
     */
    public void menuInput(CompiledRules rules, String menu, String dtmf) {
        String label = rules != null && menu != null && rules.menus().contains(menu) ? menu : OTHER;
        Counter[] counters = menuKeys.computeIfAbsent(label, this::countersFor);
        counters[slot(dtmf)].increment();
    }

    private static int slot(String dtmf) {
        if (dtmf == null || dtmf.isEmpty()) {
            return NONE;
        }
        int key = dtmf.length() == 1 ? KEYS.indexOf(dtmf.charAt(0)) : -1;
        return key < 0 ? OTHER_KEY : key;
    }

    private Counter[] countersFor(String menu) {
        Counter[] counters = new Counter[KEYS.length() + 2];
        for (int i = 0; i < counters.length; i++) {
            String key = i < NONE ? String.valueOf(KEYS.charAt(i)) : i == NONE ? "none" : OTHER;
            counters[i] = Counter.builder("callroute.menu.dtmf").tag("menu", menu).tag("key", key)
                    .description("Answers to menu prompts, by menu and key (none: timeout, other: several keys)")
                    .register(registry);
        }
        return counters;
    }
}
