package io.callroute.publishing;

import io.callroute.rules.CompiledRules;
import io.callroute.rules.LiveRules;
import io.callroute.rules.PinnedVersions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the versions calls are pinned to from the store, one at a time on a thread of its own, so that webhook
 * threads never touch the database; many calls asking for the same version share one load. A version that does
 * not exist or does not compile is remembered as such, so that a stream of calls carrying it costs nothing more.
 */
final class PinnedVersionLoader implements PinnedVersions, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PinnedVersionLoader.class);
    /** More unavailable versions than this and the memory of them starts over (they are forged or long gone). */
    private static final int MAX_REMEMBERED = 1000;

    private final VersionStore versions;
    private final RuleSetCompiler compiler;
    private final LiveRules live;
    private final Map<Integer, CompletableFuture<Optional<CompiledRules>>> loading = new ConcurrentHashMap<>();
    private final Set<Integer> unavailable = ConcurrentHashMap.newKeySet();
    private ExecutorService executor;
    private boolean closed;

    PinnedVersionLoader(VersionStore versions, RuleSetCompiler compiler, LiveRules live) {
        this.versions = versions;
        this.compiler = compiler;
        this.live = live;
    }

    @Override
    public CompletableFuture<Optional<CompiledRules>> load(int number) {
        Optional<CompiledRules> kept = live.kept(number);
        if (kept.isPresent() || unavailable.contains(number)) {
            return CompletableFuture.completedFuture(kept);
        }
        CompletableFuture<Optional<CompiledRules>> created = new CompletableFuture<>();
        CompletableFuture<Optional<CompiledRules>> running = loading.putIfAbsent(number, created);
        if (running != null) {
            return running;
        }
        try {
            executor().execute(() -> {
                try {
                    created.complete(compile(number));
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("Loading version {} for calls pinned to it failed; they go on with the live version: {}",
                            number, e.toString());
                    created.complete(Optional.empty());
                } finally {
                    loading.remove(number, created);
                }
            });
        } catch (RejectedExecutionException e) {
            loading.remove(number, created);
            created.complete(Optional.empty());   // closing
        }
        return created;
    }

    private Optional<CompiledRules> compile(int number) {
        Optional<CompiledRules> kept = live.kept(number);   // loaded or published while this waited its turn
        if (kept.isPresent()) {
            return kept;
        }
        Optional<Version> version = versions.find(number);
        if (version.isEmpty()) {
            remember(number);
            LOG.warn("Calls carry version {}, which this store does not hold; they go on with the live version",
                    number);
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            CompiledRules compiled = compiler.compile(version.get().ruleSets(), number);
            live.keep(compiled);
            LOG.info("Version {} compiled in {} ms for calls that started on it elsewhere (another node, or this"
                    + " one before it restarted)", number, (System.nanoTime() - start) / 1_000_000);
            return Optional.of(compiled);
        } catch (EditRefused.DoesNotCompile e) {
            remember(number);
            LOG.warn("Version {}, which calls carry, does not compile with this node's plugins; they go on with the"
                    + " live version. {}", number, e.problems().isEmpty() ? e.getMessage()
                    : "First problem: " + Publisher.describe(e.problems().get(0)));
            return Optional.empty();
        }
    }

    private void remember(int number) {
        if (unavailable.size() >= MAX_REMEMBERED) {
            unavailable.clear();
        }
        unavailable.add(number);
    }

    private synchronized ExecutorService executor() {
        if (closed) {
            throw new RejectedExecutionException("closed");
        }
        if (executor == null) {
            // Created on first use: most nodes never need it, and tests that never close their Publishing leak
            // no thread.
            executor = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "callroute-pinned-versions");
                thread.setDaemon(true);
                return thread;
            });
        }
        return executor;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
