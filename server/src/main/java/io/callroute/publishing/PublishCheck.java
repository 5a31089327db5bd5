package io.callroute.publishing;

import io.callroute.rules.CompiledRules;

import java.util.List;

/**
 * A check compiled rules must pass before they are published, run on every validation and every publish (saved
 * test cases, the analysis of gaps and overlaps…). It must not change anything, and should finish in well under a
 * second for ordinary rule sets: a person is waiting.
 */
public interface PublishCheck {

    /** Short name findings are tagged with, e.g. {@code testCases}. */
    String name();

    /** What the check finds in {@code candidate}: compiled drafts (version 0) or a version about to go live. */
    List<Finding> check(CompiledRules candidate);
}
