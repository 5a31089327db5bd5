package io.callroute.audit;

/** STUB (contract): records who did what to which object, with the state before and after, synchronously. */
public final class AuditLog {

    public AuditLog(javax.sql.DataSource dataSource, java.time.Clock clock) {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * @param actor  username (or "system")
     * @param action e.g. {@code draft.update}, {@code version.publish}, {@code login.failed}
     * @param target what was acted on, e.g. {@code rule-set:inbound-ivr}, {@code version:12}, {@code user:alice}
     * @param before JSON (or YAML) text of the state before, or null
     * @param after  JSON (or YAML) text of the state after, or null
     */
    public void record(String actor, String action, String target, String before, String after) {
        throw new UnsupportedOperationException("stub");
    }
}
