package io.callroute.testcases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.actions.ActionRegistry;
import io.callroute.auth.Actor;
import io.callroute.auth.Role;
import io.callroute.event.PhoneMask;
import io.callroute.http.ApiJson;
import io.callroute.publishing.AuditSink;
import io.callroute.publishing.Drafts;
import io.callroute.publishing.Publishing;
import io.callroute.replay.LoggedEventReader;
import io.callroute.rules.LiveRules;
import io.callroute.store.Database;
import io.callroute.store.TestDatabases;
import io.callroute.testing.Fixtures;
import io.callroute.webhook.CallEventReader;
import io.callroute.webhook.EnvelopeParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real H2 store with the example rules published as version 1, the test-case feature over it, and an audit sink
 * that remembers what it was told. For the unit tests of test cases and replay.
 */
public final class RulesOnDisk implements AutoCloseable {

    public static final Actor EDITOR = new Actor("erin", Role.EDITOR, "basic");
    public static final Actor PUBLISHER = new Actor("pat", Role.PUBLISHER, "basic");
    public static final LoggedEventReader EVENTS = new LoggedEventReader(new EnvelopeParser(), new CallEventReader());

    public record Audited(String actor, String action, String target, String before, String after) {
    }

    public final Database database;
    public final LiveRules live = new LiveRules();
    public final List<Audited> audit = new ArrayList<>();
    public final Publishing publishing;
    public final TestCaseFeature testCases;

    public RulesOnDisk(Path dir) {
        database = TestDatabases.open(dir.resolve("db/callroute"), new SimpleMeterRegistry());
        AuditSink sink = (actor, action, target, before, after) -> {
            synchronized (audit) {
                audit.add(new Audited(actor.username(), action, target, before, after));
            }
        };
        publishing = new Publishing(database.dataSource(), ActionRegistry.load(getClass().getClassLoader()), live,
                sink, Clock.systemUTC());
        if (!publishing.startUp(Path.of(System.getProperty("callroute.rules.dir", "../rules")))) {
            throw new IllegalStateException("the example rules did not go live");
        }
        testCases = new TestCaseFeature(database.dataSource(), new io.callroute.calllog.CallLog(database.dataSource()), EVENTS,
                publishing, live, sink, Clock.systemUTC());
    }

    public TestCases cases() {
        return testCases.cases();
    }

    public Drafts drafts() {
        return publishing.drafts();
    }

    /** Points one rule of a draft at other keys: {@code when.dtmf} becomes {@code dtmf}. */
    public void changeDtmf(String ruleSet, String ruleId, String dtmf) {
        Drafts.RuleView rule = drafts().rule(ruleSet, ruleId);
        ObjectNode changed = rule.rule().deepCopy();
        ((ObjectNode) changed.get("when")).put("dtmf", dtmf);
        drafts().replaceRule(EDITOR, ruleSet, ruleId, rule.etag(), changed);
    }

    /** A fixture event as JSON, with fields of its payload replaced. */
    public static ObjectNode fixture(String name) {
        return (ObjectNode) json(new String(Fixtures.valid(name), StandardCharsets.UTF_8));
    }

    public static JsonNode json(String text) {
        try {
            return ApiJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logs a webhook as the call path does (numbers masked); returns its call-log id. */
    public long log(String eventType, JsonNode body, String outcome, String ruleName, Instant receivedAt) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO webhook_event (received_at,"
                     + " event_type, event_id, session_id, outcome, rule_name, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setTimestamp(1, Timestamp.from(receivedAt));
            insert.setString(2, eventType);
            insert.setString(3, body.at("/payload/eventId").asText(null));
            insert.setString(4, body.at("/payload/sessionId").asText(null));
            insert.setString(5, outcome);
            insert.setString(6, ruleName);
            insert.setString(7, PhoneMask.maskNumbersIn(body.toString()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
