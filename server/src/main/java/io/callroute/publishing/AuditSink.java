package io.callroute.publishing;

import io.callroute.audit.AuditLog;
import io.callroute.auth.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the rule lifecycle reports every change, publish and rollback (who, what, before/after). An interface
 * rather than {@link AuditLog} itself so the lifecycle can be tested without the audit table, and so the wiring
 * decides where records go.
 */
@FunctionalInterface
public interface AuditSink {

    /**
     * @param actor  who did it
     * @param action e.g. {@code draft.updated}, {@code version.published}
     * @param target e.g. {@code rule-set:inbound-ivr}, {@code rule:inbound-ivr/sg-open}, {@code version:12}
     * @param before canonical JSON of the state before, or null
     * @param after  canonical JSON of the state after, or null
     */
    void record(Actor actor, String action, String target, String before, String after);

    /** Records into the audit table. */
    static AuditSink to(AuditLog log) {
        return (actor, action, target, before, after) -> log.record(actor.username(), action, target, before, after);
    }

    /** Only logs who did what (for builds without the audit table); before/after are not kept. */
    static AuditSink logOnly() {
        Logger log = LoggerFactory.getLogger("io.callroute.audit");
        return (actor, action, target, before, after) -> log.info("{} {} {}", actor.username(), action, target);
    }
}
