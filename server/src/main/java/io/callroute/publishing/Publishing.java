package io.callroute.publishing;

import io.callroute.actions.ActionRegistry;
import io.callroute.auth.Actor;
import io.callroute.rules.LiveRules;
import io.callroute.rules.PinnedVersions;
import io.callroute.rules.RuleCompiler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The rule lifecycle assembled: drafts, versions, publishing, start-up and the admin API resources over them. One
 * instance per server; the composition root creates it and calls {@link #startUp} once.
 */
public final class Publishing implements AutoCloseable {

    private final Drafts drafts;
    private final Versions versions;
    private final Publisher publisher;
    private final StartUp startUp;
    private final PublishChecks checks = new PublishChecks();
    private final RuleSetCompiler compiler;
    private final PinnedVersionLoader pinnedVersions;

    public Publishing(DataSource dataSource, ActionRegistry actions, LiveRules live, AuditSink audit, Clock clock) {
        this(dataSource, new RuleCompiler(), () -> actions, live, audit, clock);
    }

    /**
     * @param ruleCompiler the compiler that makes rules live (it knows where masking sessions are looked up)
     * @param actions      the action providers as of now (the plugin host's registry), asked on every compile
     */
    public Publishing(DataSource dataSource, RuleCompiler ruleCompiler, Supplier<ActionRegistry> actions,
                      LiveRules live, AuditSink audit, Clock clock) {
        this.compiler = new RuleSetCompiler(ruleCompiler, actions);
        VersionStore versionStore = new VersionStore(dataSource);
        this.drafts = new Drafts(new DraftStore(dataSource), compiler, audit, clock);
        this.versions = new Versions(versionStore, drafts, compiler, live);
        this.publisher = new Publisher(drafts, versionStore, compiler, live, audit, clock, checks);
        this.startUp = new StartUp(drafts, publisher, versionStore, live);
        this.pinnedVersions = new PinnedVersionLoader(versionStore, compiler, live);
    }

    /**
     * Makes the newest published version live; on a store without versions, imports {@code rulesDir}'s rule files
     * as drafts and publishes them as version 1. Returns whether rules are live.
     */
    public boolean startUp(Path rulesDir) {
        return startUp.run(rulesDir);
    }

    public Drafts drafts() {
        return drafts;
    }

    public Versions versions() {
        return versions;
    }

    public Publisher publisher() {
        return publisher;
    }

    /** Loads from the store the versions calls are pinned to when this node does not hold them. */
    public PinnedVersions pinnedVersions() {
        return pinnedVersions;
    }

    /** Where features register the checks every validation and publish runs (test cases, analysis). */
    public PublishChecks checks() {
        return checks;
    }

    /**
     * The JAX-RS resources and their error mapper, to register as singletons.
     *
     * @param unauthenticated who a request without an authenticated {@link Actor} acts as, or null to refuse such
     *                        requests (401); only for builds without the authentication filter
     */
    public List<Object> resources(Actor unauthenticated) {
        Callers callers = new Callers(unauthenticated);
        return List.of(new RuleSetResource(drafts, callers), new ValidationResource(drafts, compiler, checks),
                new VersionResource(versions, publisher, callers), new EditRefusedMapper());
    }

    /** Stops loading pinned versions. */
    @Override
    public void close() {
        pinnedVersions.close();
    }
}
