package dev.toolgate.server.config;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the database: PostgreSQL when {@code toolgate.db.url} is set, else the embedded H2 file database
 * {@code <data-dir>/toolgate.mv.db} in PostgreSQL compatibility mode. The same Flyway migrations serve both.
 *
 * <p>H2 runs with {@code DB_CLOSE_ON_EXIT=FALSE}: its own JVM shutdown hook would close the database while Spring's
 * shutdown still finishes calls and writes the invocation log. The pool is closed instead by
 * {@link DatabaseLifecycle}, the last step of a clean stop ({@link ShutdownPhases}), which closes H2 with its last
 * connection.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);

    @Bean
    HikariDataSource dataSource(ToolgateProperties properties) throws java.io.IOException {
        HikariDataSource dataSource = new HikariDataSource();
        FeatureSettings.Db db = properties.db();
        if (db.url() != null && !db.url().isBlank()) {
            dataSource.setJdbcUrl(db.url());
            dataSource.setUsername(db.user());
            dataSource.setPassword(db.password());
            dataSource.setMaximumPoolSize(20);
            if (db.url().startsWith("jdbc:postgresql:")) {
                // The driver sends a JDBC batch as multi-row inserts: the invocation log writes up to 500 rows in a
                // few statements (docs/invocation-log.md).
                dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
            }
        } else {
            Path dir = properties.dataDir().toAbsolutePath().normalize();
            Files.createDirectories(dir);
            dataSource.setJdbcUrl(h2Url(dir));
            dataSource.setUsername("sa");
            dataSource.setPassword("");
            dataSource.setMaximumPoolSize(10);
        }
        dataSource.setPoolName("toolgate-db");
        return dataSource;
    }

    /** The embedded database's JDBC URL for {@code dir}. */
    private static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("toolgate")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
    }

    @Bean
    DatabaseLifecycle databaseLifecycle(HikariDataSource dataSource) {
        return new DatabaseLifecycle(dataSource);
    }

    /**
     * Closes the pool in phase {@link ShutdownPhases#DATABASE}, after everything that writes on stop.
     *
     * @param dataSource the pool
     */
    record DatabaseLifecycle(HikariDataSource dataSource) implements SmartLifecycle {

        @Override
        public void start() {
            // the pool opens on first use
        }

        @Override
        public void stop() {
            if (!dataSource.isClosed()) {
                dataSource.close();
                log.info("Database pool closed");
            }
        }

        @Override
        public boolean isRunning() {
            return !dataSource.isClosed();
        }

        @Override
        public int getPhase() {
            return ShutdownPhases.DATABASE;
        }
    }
}
