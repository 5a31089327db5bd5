package io.callroute.masking;

import io.callroute.facts.MaskingLookup;
import io.callroute.facts.MaskingMatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live masking sessions in memory, so that a call on a virtual number learns its counter-party without a
 * database round trip: {@link #find} is two hash look-ups and a comparison, and returns a {@link MaskingMatch} built
 * when the session was loaded (nothing is allocated per call).
 *
 * <p>Kept current three ways: loaded with one query at start ({@link #reload}); written through by this node's
 * creates and ends; and {@link #refresh}ed every few seconds with the rows any node changed since the last look
 * ({@code updated_at}), so that several nodes sharing a database converge. Expiry needs no event: {@code find}
 * compares the session's expiry with the call's time, and {@link #sweep} drops expired entries now and then to
 * bound memory.
 *
 * <p>Reads are lock-free; writers (write-through, refresh, sweep) take this object's lock, so a refresh that read
 * the database just before a local end cannot put the ended session back after it was removed.
 */
public final class MaskingDirectory implements MaskingLookup {

    /**
     * How far back each refresh reaches before the previous one started: covers transactions that committed a
     * little after they stamped {@code updated_at}, and small clock differences between nodes. Re-applying a row
     * is harmless.
     */
    static final Duration REFRESH_OVERLAP = Duration.ofSeconds(10);

    /** A party's live session, with the answer to give for it ready-made. */
    private record Entry(String sessionId, long expiresAtMillis, MaskingMatch match) {
    }

    private final MaskingStore store;
    private final Clock clock;
    /** virtual number → party → entry. Two levels, so a look-up needs no key object built from the two numbers. */
    private final Map<String, Map<String, Entry>> byNumber = new ConcurrentHashMap<>();
    /** Virtual numbers that have or had (within the retention) a session: callers without one get NO_LIVE_SESSION. */
    private volatile Set<String> maskingNumbers = ConcurrentHashMap.newKeySet();
    private Instant lastRefresh;

    MaskingDirectory(MaskingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public MaskingMatch find(String virtualNumber, String caller, Instant at) {
        if (virtualNumber == null) {
            return MaskingMatch.NOT_MASKED;
        }
        Map<String, Entry> parties = byNumber.get(virtualNumber);
        if (parties != null && caller != null) {
            Entry entry = parties.get(caller);
            if (entry != null && (at == null ? clock.millis() : at.toEpochMilli()) < entry.expiresAtMillis) {
                return entry.match;
            }
        }
        return maskingNumbers.contains(virtualNumber) ? MaskingMatch.NO_LIVE_SESSION : MaskingMatch.NOT_MASKED;
    }

    /** Replaces everything with the store's live sessions and masking numbers: two queries. */
    synchronized void reload() {
        Instant now = clock.instant();
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        numbers.addAll(store.virtualNumbers());
        byNumber.clear();
        for (MaskingSession session : store.live(now)) {
            put(session);
        }
        maskingNumbers = numbers;
        lastRefresh = now;
    }

    /** Applies the sessions any node changed since shortly before the last refresh. */
    synchronized void refresh() {
        Instant now = clock.instant();
        Instant since = (lastRefresh == null ? now : lastRefresh).minus(REFRESH_OVERLAP);
        for (MaskingSession session : store.changedSince(since)) {
            apply(session, now);
        }
        lastRefresh = now;
    }

    /** Write-through of a session this node created or ended. */
    synchronized void apply(MaskingSession session, Instant now) {
        maskingNumbers.add(session.virtualNumber());
        if (session.isLive(now)) {
            put(session);
        } else {
            remove(session);
        }
    }

    /** Drops entries of sessions expired at {@code now}, and re-reads which numbers are masking numbers. */
    synchronized void sweep(Instant now) {
        long millis = now.toEpochMilli();
        byNumber.values().forEach(parties -> parties.values().removeIf(entry -> entry.expiresAtMillis <= millis));
        byNumber.values().removeIf(Map::isEmpty);
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        numbers.addAll(store.virtualNumbers());
        numbers.addAll(byNumber.keySet());
        maskingNumbers = numbers;
    }

    /** How many parties have a live (or not yet swept) session. */
    int size() {
        return byNumber.values().stream().mapToInt(Map::size).sum();
    }

    private void put(MaskingSession session) {
        maskingNumbers.add(session.virtualNumber());
        Map<String, Entry> parties = byNumber.computeIfAbsent(session.virtualNumber(),
                number -> new ConcurrentHashMap<>());
        long expires = session.expiresAt() == null ? Long.MAX_VALUE : session.expiresAt().toEpochMilli();
        parties.put(session.partyA(), entry(session, session.partyB(), expires));
        parties.put(session.partyB(), entry(session, session.partyA(), expires));
    }

    private void remove(MaskingSession session) {
        Map<String, Entry> parties = byNumber.get(session.virtualNumber());
        if (parties == null) {
            return;
        }
        // Only if the pair still points at this session: a newer one may already hold it.
        parties.computeIfPresent(session.partyA(), (party, entry) -> entry.sessionId.equals(session.id()) ? null
                : entry);
        parties.computeIfPresent(session.partyB(), (party, entry) -> entry.sessionId.equals(session.id()) ? null
                : entry);
    }

    private static Entry entry(MaskingSession session, String counterparty, long expires) {
        return new Entry(session.id(), expires, new MaskingMatch(true, session.id(), counterparty,
                session.reference(), session.recording(), session.greeting()));
    }
}
