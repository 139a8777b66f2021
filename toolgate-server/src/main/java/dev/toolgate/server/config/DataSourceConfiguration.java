package dev.toolgate.server.config;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the database: PostgreSQL when {@code toolgate.db.url} is set, else the embedded H2 file database
 * {@code <data-dir>/toolgate.mv.db} in PostgreSQL compatibility mode. The same Flyway migrations serve both.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    @Bean
    DataSource dataSource(ToolgateProperties properties) throws java.io.IOException {
        HikariDataSource dataSource = new HikariDataSource();
        ToolgateProperties.Db db = properties.db();
        if (db.url() != null && !db.url().isBlank()) {
            dataSource.setJdbcUrl(db.url());
            dataSource.setUsername(db.user());
            dataSource.setPassword(db.password());
            dataSource.setMaximumPoolSize(20);
        } else {
            Path dir = properties.dataDir().toAbsolutePath().normalize();
            Files.createDirectories(dir);
            dataSource.setJdbcUrl("jdbc:h2:file:" + dir.resolve("toolgate")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            dataSource.setUsername("sa");
            dataSource.setPassword("");
            dataSource.setMaximumPoolSize(10);
        }
        dataSource.setPoolName("toolgate-db");
        return dataSource;
    }
}
