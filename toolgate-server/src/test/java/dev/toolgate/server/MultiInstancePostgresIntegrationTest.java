package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.invalidation.PostgresInvalidationBus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two instances on PostgreSQL without Redis: changes reach the other instance through LISTEN/NOTIFY, also after
 * the listening connections were killed. Skipped without PostgreSQL, except under {@code CI=true}, where that fails.
 */
class MultiInstancePostgresIntegrationTest extends MultiInstanceTestBase {

    @Override
    List<String> transportSettings() {
        return List.of();
    }

    @Test
    void revocationsStillArriveAfterTheListeningConnectionsWereKilled() throws SQLException {
        String admin = tenant();
        String[] key = key(admin);
        Set<Integer> before = listeners();
        assertThat(before).hasSize(2);

        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                    + PostgresInvalidationBus.APPLICATION_NAME + "' and datname = current_database()");
        }
        Gateway.awaitTrue(
                Duration.ofSeconds(10),
                () -> {
                    Set<Integer> now = listeners();
                    return now.size() == 2 && now.stream().noneMatch(before::contains);
                },
                "both instances listen again on new connections");
        Gateway.awaitTrue(
                Duration.ofSeconds(5), () -> a.bus().connected() && b.bus().connected(), "both reconnect");
        b.refusesWithin(PROPAGATION, a, admin, key);
    }

    /** The backend pids of the listening connections on the test's database. */
    private Set<Integer> listeners() {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select pid from pg_stat_activity where application_name = '"
                        + PostgresInvalidationBus.APPLICATION_NAME + "' and datname = current_database()")) {
            Set<Integer> pids = new HashSet<>();
            while (rs.next()) {
                pids.add(rs.getInt(1));
            }
            return pids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
