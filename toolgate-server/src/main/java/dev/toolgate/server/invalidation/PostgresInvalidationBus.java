package dev.toolgate.server.invalidation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The bus over PostgreSQL LISTEN/NOTIFY, for several instances on one PostgreSQL database without Redis. Events are
 * sent with {@code pg_notify('}{@value #CHANNEL}{@code ', json)} on a pooled connection; a virtual thread holds a
 * connection of its own (application name {@value #APPLICATION_NAME}) that LISTENs and waits for notifications
 * ({@code PGConnection.getNotifications}), checking it every {@link #CHECK_EVERY}. When that connection fails the
 * bus is disconnected (caches drop everything and use short lifetimes) and it reconnects, waiting
 * {@link #RECONNECT_MIN} doubling to {@link #RECONNECT_MAX} between tries; once listening again it is connected
 * (caches drop everything once more, since notifications sent meanwhile were lost). Close it to stop.
 */
public final class PostgresInvalidationBus extends AbstractInvalidationBus implements AutoCloseable {

    /** The notification channel of every Toolgate instance. */
    public static final String CHANNEL = "toolgate_invalidate";

    /** The {@code application_name} of the listening connection, as {@code pg_stat_activity} shows it. */
    public static final String APPLICATION_NAME = "toolgate-invalidation";

    /** How often the listening connection is checked with a round trip. */
    public static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    /** The first wait before reconnecting. */
    public static final Duration RECONNECT_MIN = Duration.ofMillis(100);

    /** The longest wait before reconnecting. */
    public static final Duration RECONNECT_MAX = Duration.ofSeconds(5);

    private static final int POLL_MILLIS = 250;

    private final DataSource pool;
    private final String url;
    private final Properties connectionProperties = new Properties();
    private final ScheduledExecutorService listener = scheduler("toolgate-invalidation-pg");
    /** The pause before the next connection attempt; read and written on the listener's thread only. */
    private Duration reconnectDelay = RECONNECT_MIN;

    private volatile boolean running = true;
    private volatile Connection listening;

    /**
     * Starts listening (in the background: a database that cannot be reached yet only delays being connected).
     *
     * @param pool the service's connection pool, for sending
     * @param url the PostgreSQL JDBC URL
     * @param user the database user
     * @param password the database password, or null
     * @param fallbackTtl the longest a cache entry lives while disconnected
     */
    public PostgresInvalidationBus(DataSource pool, String url, String user, String password, Duration fallbackTtl) {
        super(fallbackTtl, false);
        this.pool = pool;
        this.url = url;
        if (user != null) {
            connectionProperties.setProperty("user", user);
        }
        if (password != null) {
            connectionProperties.setProperty("password", password);
        }
        connectionProperties.setProperty("ApplicationName", APPLICATION_NAME);
        connectionProperties.setProperty("tcpKeepAlive", "true");
        listener.execute(this::listen);
    }

    @Override
    protected void send(String json) throws SQLException {
        // a connection of its own, in autocommit: NOTIFY is sent at commit, and this may run after another
        // transaction's completion, whose connection must not be reused
        try (Connection connection = pool.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            notify.setString(1, CHANNEL);
            notify.setString(2, json);
            notify.execute();
        }
    }

    @Override
    protected String transport() {
        return "PostgreSQL LISTEN/NOTIFY";
    }

    /**
     * One listening session: connect, LISTEN, and deliver notifications until the connection fails or the bus is
     * closed; after a failure the next session is scheduled after {@link #reconnectDelay}, which doubles up to
     * {@link #RECONNECT_MAX}.
     */
    private void listen() {
        try (Connection connection = DriverManager.getConnection(url, connectionProperties)) {
            listening = connection;
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
            }
            PGConnection pg = connection.unwrap(PGConnection.class);
            markConnected();
            reconnectDelay = RECONNECT_MIN;
            long checked = System.nanoTime();
            while (running) {
                PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        if (CHANNEL.equals(notification.getName())) {
                            receive(notification.getParameter());
                        }
                    }
                }
                if (System.nanoTime() - checked > CHECK_EVERY.toNanos()) {
                    if (!connection.isValid((int) RECONNECT_MAX.toSeconds())) {
                        throw new SQLException("the listening connection no longer answers");
                    }
                    checked = System.nanoTime();
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (!running) {
                return;
            }
            markDisconnected(e.getClass().getSimpleName());
        } finally {
            listening = null;
        }
        if (running) {
            Duration next = reconnectDelay;
            reconnectDelay = next.multipliedBy(2).compareTo(RECONNECT_MAX) > 0 ? RECONNECT_MAX : next.multipliedBy(2);
            try {
                listener.schedule(this::listen, next.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                // closed meanwhile
            }
        }
    }

    /** Stops listening and closes the listening connection. */
    @Override
    public void close() {
        running = false;
        stop(listener);
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
