package io.callroute.publishing;

import java.time.Instant;

/**
 * One moment a version went live.
 *
 * @param id          increasing; the newest publication decides what is live
 * @param version     the version that went live
 * @param publishedBy who
 * @param publishedAt when
 * @param kind        {@code publish} (the version was created) or {@code rollback} (an existing one again)
 */
public record Publication(long id, int version, String publishedBy, Instant publishedAt, String kind) {

    public static final String PUBLISH = "publish";
    public static final String ROLLBACK = "rollback";
}
