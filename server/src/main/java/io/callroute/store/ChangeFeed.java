package io.callroute.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells this node that another node sharing the store changed what every node must act on — a publication, a
 * plugin's configuration — so that it follows within about a second. The store stays the only truth: a wake-up
 * carries no data, it only makes the node run its {@link #follow followers}, which read the store and catch up.
 *
 * <p>On PostgreSQL the writer's transaction sends a notification on channel {@value #CHANNEL}
 * ({@link #announce}), delivered when it commits, and this feed listens on a connection of its own, so a change
 * lands in milliseconds. Followers also run every poll interval whatever the store: that is the only way on
 * other databases, and on PostgreSQL the safety net for notifications lost while the listening connection was
 * being replaced.
 */
public final class ChangeFeed implements AutoCloseable {

    /** The PostgreSQL notification channel. */
    public static final String CHANNEL = "callroute_changes";
    /** Payload of a change to what is live: a publish or a rollback. */
    public static final String PUBLICATIONS = "publications";
    /** Payload of a change to a plugin's configuration. */
    public static final String PLUGINS = "plugins";

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    private static final long RECONNECT_PAUSE_MILLIS = 250;

    private final Database database;
    private final Duration pollInterval;
    private final List<Follower> followers = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private volatile Connection listening;
    private boolean listenFailureLogged;
    /** The driver behind the store is not ours to unwrap (an application server's own): poll only. */
    private boolean cannotListen;
    private boolean catchUpFailureLogged;

    /** Something that catches up with the store; it must be quick when nothing changed (one small query). */
    public interface Follower {
        void catchUp();
    }

    public ChangeFeed(Database database, Duration pollInterval) {
        this.database = database;
        this.pollInterval = pollInterval;
        this.thread = new Thread(this::run, "callroute-changes");
        this.thread.setDaemon(true);
    }

    /**
     * Tells the other nodes, once {@code connection}'s transaction commits, that {@code what} changed. Does nothing
     * off PostgreSQL, where the other nodes find the change at their next poll.
     */
    public static void announce(Connection connection, String what) throws SQLException {
        if (!connection.isWrapperFor(PGConnection.class)) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            statement.setString(1, CHANNEL);
            statement.setString(2, what);
            statement.execute();
        }
    }

    /** Adds a follower; followers run one after the other on the feed's thread, in the order added. */
    public void follow(Follower follower) {
        followers.add(follower);
    }

    /** Starts following: at once, then on every notification and every poll interval. */
    public void start() {
        thread.start();
    }

    private void run() {
        while (closed.getCount() > 0) {
            // Listen first, then catch up: a change committed in between is then both read and notified, never
            // missed.
            boolean listening = database.isPostgres() && !cannotListen && listen();
            catchUp();
            try {
                if (listening) {
                    awaitNotification();
                } else {
                    closed.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void catchUp() {
        boolean failed = false;
        for (Follower follower : followers) {
            try {
                follower.catchUp();
            } catch (RuntimeException | LinkageError e) {
                // A store that is down is the usual cause; the next wake-up tries again. Said once per outage.
                failed = true;
                if (!catchUpFailureLogged) {
                    LOG.warn("Catching up with changes made on other nodes failed; trying again every {} ms",
                            pollInterval.toMillis(), e);
                }
            }
        }
        if (catchUpFailureLogged && !failed) {
            LOG.info("Caught up with changes made on other nodes again");
        }
        catchUpFailureLogged = failed;
    }

    /** Whether a connection listens for notifications, opening one when needed. */
    private boolean listen() {
        if (listening != null) {
            return true;
        }
        Connection connection = null;
        try {
            connection = database.openDedicatedConnection();
            if (!connection.isWrapperFor(PGConnection.class)) {
                // An application server's pool with the driver in its own class loader: notifications cannot be
                // read through our copy of the driver's interface.
                cannotListen = true;
                closeQuietly(connection);
                LOG.info("The store's PostgreSQL driver is the application server's; following other nodes by"
                        + " polling every {} ms", pollInterval.toMillis());
                return false;
            }
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
            }
            listening = connection;
            if (listenFailureLogged) {
                LOG.info("Listening for changes made on other nodes again");
                listenFailureLogged = false;
            }
            return true;
        } catch (SQLException e) {
            closeQuietly(connection);
            if (!listenFailureLogged) {
                LOG.warn("Not listening for changes made on other nodes ({}); polling every {} ms until the store"
                        + " answers again", e.getMessage(), pollInterval.toMillis());
                listenFailureLogged = true;
            }
            return false;
        }
    }

    /** Returns on a notification (any number count as one), when the poll interval has passed, or on an error. */
    private void awaitNotification() {
        Connection connection = listening;
        if (connection == null) {
            return;
        }
        try {
            connection.unwrap(PGConnection.class).getNotifications((int) pollInterval.toMillis());
        } catch (SQLException e) {
            // The connection broke (or close() took it): the next round listens on a new one, after catching up,
            // and after a pause, so that a store refusing connections is not asked again in a tight loop.
            dropListener();
            try {
                closed.await(Math.min(pollInterval.toMillis(), RECONNECT_PAUSE_MILLIS), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void dropListener() {
        Connection connection = listening;
        listening = null;
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the listening connection: {}", e.getMessage());
            }
        }
    }

    /** Stops following; a wait on the store ends when its connection closes. */
    @Override
    public void close() {
        closed.countDown();
        dropListener();   // ends a getNotifications in progress with an error the loop ignores once closed
        try {
            thread.join(pollInterval.toMillis() + 2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
