package io.callroute.publishing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.actions.ActionRegistry;
import io.callroute.auth.Actor;
import io.callroute.auth.Role;
import io.callroute.rules.LiveRules;
import io.callroute.store.Database;
import io.callroute.store.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A real store (TestDatabases) with the rule lifecycle over it, and an audit sink that remembers what it was told. */
final class Lifecycle implements AutoCloseable {

    static final ActionRegistry ACTIONS = ActionRegistry.load(Lifecycle.class.getClassLoader());
    static final Actor ALICE = new Actor("alice", Role.EDITOR, "basic");
    static final Actor BOB = new Actor("bob", Role.EDITOR, "basic");
    static final Actor PAT = new Actor("pat", Role.PUBLISHER, "basic");

    record Audited(String actor, String action, String target, String before, String after) {
    }

    final Database database;
    final LiveRules live = new LiveRules();
    final List<Audited> audit = new ArrayList<>();
    final Publishing publishing;

    Lifecycle(Path dir) {
        database = TestDatabases.open(dir.resolve("db/callroute"), new SimpleMeterRegistry());
        AuditSink sink = (actor, action, target, before, after) -> {
            synchronized (audit) {
                audit.add(new Audited(actor.username(), action, target, before, after));
            }
        };
        publishing = new Publishing(database.dataSource(), ACTIONS, live, sink, Clock.systemUTC());
    }

    Drafts drafts() {
        return publishing.drafts();
    }

    Publisher publisher() {
        return publishing.publisher();
    }

    Versions versions() {
        return publishing.versions();
    }

    static Path rulesDir() {
        return Path.of(System.getProperty("callroute.rules.dir", "../rules"));
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) CanonicalJson.parse(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ObjectNode yaml(String text) {
        try {
            return (ObjectNode) CanonicalYaml.parse(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A small valid rule set. */
    static ObjectNode office(String name) {
        return yaml("""
                ruleSet: %s
                defaultZone: Asia/Singapore
                defaults:
                  say: { voiceProfile: en-US-BenjaminRUS }
                rules:
                  - id: open
                    priority: 20
                    when:
                      callStatus: CALL_RECEIVED
                      time: { days: MON-FRI, from: "09:00", to: "18:00" }
                    then:
                      steps:
                        - say: { text: "We are open." }
                        - hangup
                  - id: closed
                    priority: 10
                    when: { callStatus: CALL_RECEIVED }
                    then:
                      steps:
                        - say: { text: "We are closed." }
                        - hangup
                """.formatted(name));
    }

    @Override
    public void close() {
        database.close();
    }
}
