package io.callroute.testcases;

import io.callroute.calllog.CallLog;
import io.callroute.publishing.AuditSink;
import io.callroute.publishing.Publishing;
import io.callroute.replay.LoggedEventReader;
import io.callroute.rules.LiveRules;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * Test cases assembled: the store, the service, the {@code testCases} publish check (registered with the rule
 * lifecycle here, so every validation and publish runs the cases) and the admin API resource.
 */
public final class TestCaseFeature {

    private final TestCases cases;
    private final TestCaseResource resource;

    public TestCaseFeature(DataSource dataSource, CallLog calls, LoggedEventReader events, Publishing publishing,
                           LiveRules liveRules, AuditSink audit, Clock clock) {
        this.cases = new TestCases(new TestCaseStore(dataSource), calls, events, liveRules::current, audit, clock);
        this.resource = new TestCaseResource(cases, publishing.versions());
        publishing.checks().register(new TestCaseCheck(cases));
    }

    public TestCases cases() {
        return cases;
    }

    /** The JAX-RS resources, to register as singletons. */
    public List<Object> resources() {
        return List.of(resource);
    }
}
