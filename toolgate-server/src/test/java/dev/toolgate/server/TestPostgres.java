package dev.toolgate.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL database of a test's own ({@code tg_<random>}) on the machine's server (127.0.0.1:5432, user
 * postgres, trust auth; {@code TOOLGATE_TEST_PG_URL} / {@code TOOLGATE_TEST_PG_USER} override), dropped on close.
 * Without a server the test is skipped, except under {@code CI=true}, where it fails.
 *
 * @param url the new database's JDBC URL
 * @param user the database user
 */
public record TestPostgres(String url, String user) implements AutoCloseable {

    static final String SERVER_URL =
            System.getenv().getOrDefault("TOOLGATE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("TOOLGATE_TEST_PG_USER", "postgres");

    /** Creates a fresh database. */
    public static TestPostgres create() {
        String name = "tg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            execute("create database " + name);
        } catch (SQLException e) {
            unavailable("PostgreSQL at " + SERVER_URL, e);
        }
        return new TestPostgres(SERVER_URL.substring(0, SERVER_URL.lastIndexOf('/') + 1) + name, USER);
    }

    /** Runs one statement on the server's own database (not the test's). */
    static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Fails under {@code CI=true}, else skips the test: a service it needs is missing. */
    static void unavailable(String what, Exception e) {
        Prerequisites.missing(what + " is not reachable (required under CI=true): " + e.getMessage());
    }

    /** The database's name. */
    String name() {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Drops the database, closing what is still connected to it. */
    @Override
    public void close() throws SQLException {
        execute("drop database if exists " + name() + " with (force)");
    }
}
