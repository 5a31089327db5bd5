package io.callroute.rules;

/** STUB */
public interface CompiledRules {
    Decider decider();
    int ruleCount();
    String drl();
}
