package io.callroute.store;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Lets the migrations written for H2 run on PostgreSQL, which has no {@code CLOB} type: before every migrate it
 * creates the domain {@code clob} as {@code text}, so V1–V8 keep their text byte for byte and existing H2 data
 * directories keep their Flyway checksums (ADR 10). Registered for PostgreSQL only. New migrations use portable types
 * and never {@code CLOB}.
 */
final class PostgresCompatibility implements Callback {

    /**
     * Idempotent, and safe when several nodes start at once: the second sees the domain (duplicate_object), or, if
     * both got past the catalogue check together, loses on the catalogue's unique index (unique_violation).
     */
    static final String CLOB_DOMAIN = "DO $$ BEGIN CREATE DOMAIN clob AS text;"
            + " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$";

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(CLOB_DOMAIN);
        } catch (SQLException e) {
            throw new FlywayException("Creating the domain clob (text) that the migrations' CLOB columns need on"
                    + " PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "callroute-postgres-clob";
    }
}
