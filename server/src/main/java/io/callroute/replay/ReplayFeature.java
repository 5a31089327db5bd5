package io.callroute.replay;

import io.callroute.publishing.Publishing;
import java.util.List;
import javax.sql.DataSource;

/** Replay impact assembled: the call-log reader, the replay and its admin API resource. */
public final class ReplayFeature {

    private final Replay replay;

    public ReplayFeature(DataSource dataSource, LoggedEventReader events, Publishing publishing) {
        this.replay = new Replay(new CallLogSample(dataSource), events, publishing.versions());
    }

    public Replay replay() {
        return replay;
    }

    /** The JAX-RS resources, to register as singletons. */
    public List<Object> resources() {
        return List.of(new ReplayResource(replay));
    }
}
