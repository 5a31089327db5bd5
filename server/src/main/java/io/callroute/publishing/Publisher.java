package io.callroute.publishing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callroute.auth.Actor;
import io.callroute.rules.CompiledRules;
import io.callroute.rules.LiveRules;
import io.callroute.store.StoreException;
import io.callroute.store.UniqueViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes rules live: publish the drafts as a new version, or republish an earlier one (rollback). The order is always
 * compile (slow, may fail, nothing written yet) → one transaction that records the version and its publication →
 * swap the live reference. Webhook threads only ever read {@link LiveRules}' reference, so they never wait for a
 * publish and never see half of one; the lock here is held by publishers only, so two publishes on this node cannot
 * pick the same number or interleave their swaps. Between nodes sharing a database the number is optimistic: the
 * version's primary key lets one of two publishes of the same number in, and the other is refused, unwritten.
 */
public final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    private static final int MAX_COMMENT = 1000;

    private final Drafts drafts;
    private final VersionStore versions;
    private final RuleSetCompiler compiler;
    private final LiveRules live;
    private final AuditSink audit;
    private final Clock clock;
    private final PublishChecks checks;
    private final ReentrantLock publishing = new ReentrantLock();
    /** The publication this node's live rules come from (0: none); written under the lock. */
    private volatile long appliedPublication;

    Publisher(Drafts drafts, VersionStore versions, RuleSetCompiler compiler, LiveRules live, AuditSink audit,
              Clock clock, PublishChecks checks) {
        this.drafts = drafts;
        this.versions = versions;
        this.compiler = compiler;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
        this.checks = checks;
    }

    /**
     * Publishes every draft as the next version and makes it live, unless a publish check finds an error.
     *
     * @return the new version
     * @throws EditRefused.DoesNotCompile when the drafts do not compile (nothing is written, nothing changes)
     * @throws EditRefused.Blocked        when a publish check found an error
     */
    public VersionSummary publish(Actor actor, String comment) {
        return publish(actor, comment, null).version();
    }

    /**
     * Publishes every draft as the next version and makes it live. Publish checks run on the compiled drafts first;
     * their errors block the publish unless {@code override} gives the publisher's reason for going ahead anyway,
     * which the audit log records with the errors it overrode.
     *
     * @param override why the publisher publishes despite errors, or null to be stopped by them
     * @throws EditRefused.DoesNotCompile when the drafts do not compile (nothing is written, nothing changes)
     * @throws EditRefused.Blocked        when a check found an error and there is no override
     * @throws EditRefused.VersionTaken   when another node sharing the database published the same number first
     */
    public Published publish(Actor actor, String comment, String override) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new EditRefused.Invalid("$.comment", "must be at most " + MAX_COMMENT + " characters");
        }
        if (override != null && (override.isBlank() || override.length() > MAX_COMMENT)) {
            throw new EditRefused.Invalid("$.override", "must be the reason for publishing despite errors, 1 to "
                    + MAX_COMMENT + " characters");
        }
        publishing.lock();
        try {
            List<ObjectNode> documents = drafts.documents();
            if (documents.isEmpty()) {
                throw new EditRefused.Invalid(null, "There are no draft rule sets to publish");
            }
            int number = versions.newestNumber() + 1;
            long start = System.nanoTime();
            CompiledRules compiled = compiler.compile(documents, number);
            List<Finding> findings = checks.run(compiled);
            List<Finding> errors = findings.stream().filter(Finding::blocks).toList();
            if (!errors.isEmpty() && override == null) {
                throw new EditRefused.Blocked(errors.size() + " error(s) block this publish, the first: "
                        + errors.get(0).message() + " Fix them, or publish with an \"override\" giving the reason",
                        findings);
            }
            Optional<Publication> before = versions.latestPublication();
            Instant now = Instant.now(clock);
            try {
                appliedPublication = versions.insertPublished(number, documents, actor.username(), now, comment);
            } catch (StoreException e) {
                // The lock above orders publishes of this node only; another node on the same database may have
                // taken the number since it was read. The version's primary key refused ours, and nothing was written.
                if (UniqueViolation.in(e)) {
                    LOG.warn("Version {} was published by another node while {} was publishing; nothing published",
                            number, actor.username());
                    throw new EditRefused.VersionTaken(number);
                }
                throw e;
            }
            live.publish(compiled);
            LOG.info("Version {} published by {} and live: {} rule set(s), {} rule(s), compiled in {} ms", number,
                    actor.username(), compiled.ruleSetCount(), compiled.ruleCount(),
                    (System.nanoTime() - start) / 1_000_000);
            audit.record(actor, "version.published", "version:" + number, liveText(before.map(Publication::version)),
                    liveText(Optional.of(number), comment));
            if (!errors.isEmpty()) {
                LOG.warn("Version {} published by {} despite {} error(s) of the publish checks: {}", number,
                        actor.username(), errors.size(), override);
                audit.record(actor, "version.override", "version:" + number, null, overrideText(override, errors));
            }
            VersionSummary summary = new VersionSummary(number, documents.stream()
                    .map(set -> set.get("ruleSet").asText()).toList(), actor.username(), now, comment);
            return new Published(summary, findings, errors.isEmpty() ? null : override);
        } finally {
            publishing.unlock();
        }
    }

    /**
     * Makes an existing version live again. Its number stays, so calls it answers carry it; drafts are left as they
     * are (they may hold the fix in progress).
     *
     * @throws EditRefused.NotFound       when there is no such version
     * @throws EditRefused.AlreadyExists  when it is live already
     * @throws EditRefused.DoesNotCompile when it no longer compiles (e.g. a plugin it uses is gone)
     */
    public Publication rollback(Actor actor, int number) {
        publishing.lock();
        try {
            Version version = versions.find(number)
                    .orElseThrow(() -> new EditRefused.NotFound("There is no version " + number));
            Optional<Publication> before = versions.latestPublication();
            if (before.isPresent() && before.get().version() == number) {
                throw new EditRefused.AlreadyExists("Version " + number + " is live already");
            }
            CompiledRules compiled = compiler.compile(version.ruleSets(), number);
            Instant now = Instant.now(clock);
            appliedPublication = versions.insertRollback(number, actor.username(), now);
            live.publish(compiled);
            LOG.info("Version {} made live again by {} (rollback from {})", number, actor.username(),
                    before.map(p -> "version " + p.version()).orElse("nothing live"));
            audit.record(actor, "version.rolled_back", "version:" + number,
                    liveText(before.map(Publication::version)), liveText(Optional.of(number)));
            return versions.latestPublication().orElseThrow();
        } finally {
            publishing.unlock();
        }
    }

    /**
     * Makes the newest publication live, e.g. at start. When it does not compile (a plugin is gone), nothing is
     * live from it and readiness reports why.
     *
     * @return whether rules went live
     */
    public boolean loadLive() {
        publishing.lock();
        try {
            Optional<Publication> latest = versions.latestPublication();
            if (latest.isEmpty()) {
                return false;
            }
            int number = latest.get().version();
            Version version = versions.find(number).orElseThrow();
            long start = System.nanoTime();
            // Whether or not it compiles, it is the publication this node has seen: following other nodes
            // (applyLatest) waits for a newer one instead of failing again every second.
            appliedPublication = latest.get().id();
            try {
                CompiledRules compiled = compiler.compile(version.ruleSets(), number);
                live.publish(compiled);
                LOG.info("Rules live: version {} ({} rule set(s), {} rule(s)), compiled in {} ms", number,
                        compiled.ruleSetCount(), compiled.ruleCount(), (System.nanoTime() - start) / 1_000_000);
                return true;
            } catch (EditRefused.DoesNotCompile e) {
                List<String> problems = e.problems().stream().map(Publisher::describe).toList();
                live.loadFailed(problems);
                LOG.error("Live version {} does not compile any more; calls get the fallback until a version that"
                        + " compiles is published or rolled back to. {} problem(s):\n  {}", number, problems.size(),
                        String.join("\n  ", problems));
                return false;
            }
        } finally {
            publishing.unlock();
        }
    }

    /**
     * Recompiles the live version with the action providers as they are now, after plugins changed. When it
     * compiles it replaces the live rules, and the earlier versions kept for calls in their menus are dropped (they
     * were compiled with the old providers; such calls continue on the live version). When it does not compile (a
     * provider it uses is gone or disabled) the rules that were live keep answering as they were compiled, and why
     * is logged; when nothing was live (e.g. a plugin was missing at start), nothing changes either.
     *
     * @return whether the live version was recompiled
     */
    public boolean reloadLive() {
        publishing.lock();
        try {
            Optional<Publication> latest = versions.latestPublication();
            if (latest.isEmpty()) {
                return false;
            }
            int number = latest.get().version();
            Version version = versions.find(number).orElseThrow();
            appliedPublication = latest.get().id();
            try {
                CompiledRules compiled = compiler.compile(version.ruleSets(), number);
                live.publish(compiled);
                live.forgetEarlierVersions();
                LOG.info("Plugins changed: live version {} recompiled with the current actions", number);
                return true;
            } catch (EditRefused.DoesNotCompile e) {
                List<String> problems = e.problems().stream().map(Publisher::describe).toList();
                LOG.error("Plugins changed and live version {} does not compile with the current actions; the rules"
                        + " live before keep answering (steps of a plugin that is gone answer the fallback) until a"
                        + " version that compiles is published. {} problem(s):\n  {}", number, problems.size(),
                        String.join("\n  ", problems));
                return false;
            }
        } finally {
            publishing.unlock();
        }
    }

    /**
     * Makes the newest publication live when it is newer than what this node made live: how a publish or rollback
     * on another node sharing the store reaches this one. Cheap when nothing changed (one small query, no lock), so
     * it can run on every notification and every poll.
     *
     * @return the publication made live, or empty when this node was up to date (or it did not compile: the rules
     *         live before keep answering, and why is logged)
     */
    public Optional<Publication> applyLatest() {
        Optional<Publication> newest = versions.latestPublication();
        if (newest.isEmpty() || newest.get().id() <= appliedPublication) {
            return Optional.empty();
        }
        publishing.lock();
        try {
            // Read again under the lock: this node's own publish may have been what changed, and is applied now.
            Optional<Publication> latest = versions.latestPublication();
            if (latest.isEmpty() || latest.get().id() <= appliedPublication) {
                return Optional.empty();
            }
            Publication publication = latest.get();
            appliedPublication = publication.id();
            Version version = versions.find(publication.version()).orElseThrow();
            try {
                CompiledRules compiled = compiler.compile(version.ruleSets(), publication.version());
                live.publish(compiled);
            } catch (EditRefused.DoesNotCompile e) {
                List<String> problems = e.problems().stream().map(Publisher::describe).toList();
                LOG.error("Version {}, made live by {} on another node, does not compile here (are the same plugins"
                        + " installed on every node?); the rules live before keep answering. {} problem(s):\n  {}",
                        publication.version(), publication.publishedBy(), problems.size(),
                        String.join("\n  ", problems));
                return Optional.empty();
            }
            LOG.info("Version {} live here: {} by {} on another node, {} ms ago", publication.version(),
                    Publication.ROLLBACK.equals(publication.kind()) ? "rolled back to" : "published",
                    publication.publishedBy(),
                    Math.max(0, Instant.now(clock).toEpochMilli() - publication.publishedAt().toEpochMilli()));
            return Optional.of(publication);
        } finally {
            publishing.unlock();
        }
    }

    static String describe(Problem problem) {
        return problem.ruleSet() + (problem.ruleId() == null ? "" : ", rule \"" + problem.ruleId() + "\"") + ", "
                + problem.path() + ": " + problem.message();
    }

    private static String overrideText(String reason, List<Finding> errors) {
        ObjectNode text = JsonNodeFactory.instance.objectNode().put("reason", reason);
        ArrayNode overridden = text.putArray("errors");
        errors.forEach(error -> overridden.addObject().put("check", error.check()).put("code", error.code())
                .put("message", error.message()));
        return CanonicalJson.write(text);
    }

    private static String liveText(Optional<Integer> version) {
        return liveText(version, null);
    }

    private static String liveText(Optional<Integer> version, String comment) {
        ObjectNode text = JsonNodeFactory.instance.objectNode();
        if (version.isPresent()) {
            text.put("liveVersion", version.get());
        } else {
            text.putNull("liveVersion");
        }
        if (comment != null) {
            text.put("comment", comment);
        }
        return CanonicalJson.write(text);
    }
}
