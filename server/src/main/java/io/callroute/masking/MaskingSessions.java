package io.callroute.masking;

import io.callroute.audit.AuditLog;
import io.callroute.auth.Actor;
import io.callroute.event.PhoneMask;
import io.callroute.http.ApiErrorException;
import io.callroute.http.ApiJson;
import io.callroute.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Creating, reading and ending masking sessions. Each create or end is one transaction with its audit entry, then
 * written through to this node's {@link MaskingDirectory}.
 *
 * <p>"No two live sessions share a (virtual number, party)" is kept by the primary key of {@code masking_party},
 * not by a check-then-insert: of two racing creates the second insert fails, its transaction rolls back, and it is
 * retried once, which then answers 409 (or 200, when it was a repeat of the same create by reference).
 */
public final class MaskingSessions {

    private static final String TARGET = "masking-session:";

    private final DataSource dataSource;
    private final MaskingStore store;
    private final MaskingDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    MaskingSessions(DataSource dataSource, MaskingStore store, MaskingDirectory directory, AuditLog audit,
                    Clock clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What a create did.
     *
     * @param session the session asked for
     * @param created true when it was stored now (201), false when an identical one with the same reference was
     *                already live (200)
     */
    public record Created(MaskingSession session, boolean created) {
    }

    /** Creates a session; 400 when invalid, 409 when a party or the reference is held by another live session. */
    public Created create(Actor actor, NewSession request) {
        Instant now = now();
        SessionValidator.check(request, now);
        try {
            return attempt(actor, request, now);
        } catch (MaskingStore.DuplicateKey raced) {
            // A concurrent create committed first; look again, now that its rows are visible.
            try {
                return attempt(actor, request, now);
            } catch (MaskingStore.DuplicateKey again) {
                throw new ApiErrorException(409, "session_conflict", "Another session was created for the same "
                        + "virtual number and party at the same time; nothing was changed.", null);
            }
        }
    }

    public Optional<MaskingSession> get(String id) {
        return store.find(id);
    }

    public List<MaskingSession> list(SessionQuery query) {
        return store.list(query, now());
    }

    /**
     * Ends a session: it stops masking at once and its pairs and reference are free for new sessions. Ending an
     * ended session changes nothing (and is not audited again); an unknown id is 404.
     */
    public MaskingSession end(Actor actor, String id) {
        Instant now = now();
        MaskingSession result = Transactions.inTransaction(dataSource, "ending masking session", connection -> {
            MaskingSession before = store.find(connection, id, true).orElseThrow(() -> notFound(id));
            if (before.endedAt() != null) {
                return before;
            }
            store.end(connection, id, actor.username(), now);
            MaskingSession after = before.ended(now, actor.username());
            audit.record(connection, actor.username(), "masking.ended", TARGET + id,
                    ApiJson.text(before.auditState()), ApiJson.text(after.auditState()));
            return after;
        });
        directory.apply(result, now);
        return result;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static ApiErrorException notFound(String id) {
        return new ApiErrorException(404, "session_not_found", "There is no masking session " + id
                + " (it may have been purged after its retention).", null);
    }

    private Created attempt(Actor actor, NewSession request, Instant now) {
        Created result = Transactions.inTransaction(dataSource, "creating masking session",
                connection -> createIn(connection, actor, request, now));
        if (result.created()) {
            directory.apply(result.session(), now);
        }
        return result;
    }

    private Created createIn(Connection connection, Actor actor, NewSession request, Instant now)
            throws SQLException {
        if (request.reference() != null) {
            Optional<MaskingSession> holder = store.holderOfReference(connection, request.reference());
            if (holder.isPresent() && holder.get().isLive(now)) {
                if (holder.get().sameAs(request)) {
                    return new Created(holder.get(), false);
                }
                throw new ApiErrorException(409, "reference_in_use", "Reference " + request.reference()
                        + " belongs to live session " + holder.get().id() + " with other details; end it first or "
                        + "use another reference. Nothing was changed.", "reference");
            }
            if (holder.isPresent()) {
                store.release(connection, holder.get().id(), now);   // expired, not yet cleaned up
            }
        }
        claimable(connection, request.virtualNumber(), request.partyA(), "partyA", now);
        claimable(connection, request.virtualNumber(), request.partyB(), "partyB", now);
        MaskingSession session = new MaskingSession(SessionIds.next(), request.virtualNumber(), request.partyA(),
                request.partyB(), request.reference(), request.recording(), request.greeting(), now,
                actor.username(), request.expiresAt(), null, null);
        store.insert(connection, session);
        audit.record(connection, actor.username(), "masking.created", TARGET + session.id(), null,
                ApiJson.text(session.auditState()));
        return new Created(session, true);
    }

    /** 409 when a live session holds (virtual number, party); an expired holder is released instead. */
    private void claimable(Connection connection, String virtualNumber, String party, String field, Instant now)
            throws SQLException {
        Optional<String> holderId = store.holderOfParty(connection, virtualNumber, party);
        if (holderId.isEmpty()) {
            return;
        }
        Optional<MaskingSession> holder = store.find(connection, holderId.get(), true);
        if (holder.isPresent() && holder.get().isLive(now)) {
            throw new ApiErrorException(409, "party_in_use", PhoneMask.mask(party) + " already has live session "
                    + holder.get().id() + " on " + PhoneMask.mask(virtualNumber) + "; a caller must reach exactly "
                    + "one counter-party. End that session first. Nothing was changed.", field);
        }
        store.release(connection, holderId.get(), now);
    }
}
