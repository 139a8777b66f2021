package dev.toolgate.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database migrated before a migration's comment was corrected still starts: the startup strategy realigns that
 * checksum and migrates; a checksum changed on any other version still stops it.
 */
class MigrationConfigurationTest {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("toolgate")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(url(), "sa", "")
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    @Test
    void aDatabaseWithTheOldCommentChecksumsIsRepairedAndMigrated() throws Exception {
        flyway("1").migrate();
        int shipped = checksum("1");
        setChecksum("1", shipped + 1); // as stored by the release before the comment was corrected

        MigrationConfiguration.migrate(flyway("latest"));

        assertThat(checksum("1")).isEqualTo(shipped);
        assertThat(checksum("3")).isNotNull();
        assertThat(flyway("latest").validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void aChecksumMismatchOfAnotherVersionStillStopsTheStart() throws Exception {
        flyway("2").migrate();
        setChecksum("2", checksum("2") + 1);

        assertThat(MigrationConfiguration.onlyCommentEdits(flyway("latest").validateWithResult()))
                .isFalse();
        assertThatThrownBy(() -> MigrationConfiguration.migrate(flyway("latest")))
                .isInstanceOf(FlywayValidateException.class);
    }

    @Test
    void aValidDatabaseIsNotRepaired() {
        flyway("latest").migrate();

        assertThat(MigrationConfiguration.onlyCommentEdits(flyway("latest").validateWithResult()))
                .isFalse();
    }

    private Integer checksum(String version) throws Exception {
        try (Connection db = DriverManager.getConnection(url(), "sa", "");
                Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(
                        "select checksum from \"flyway_schema_history\" where \"version\" = '" + version + "'")) {
            return row.next() ? (Integer) row.getObject(1) : null;
        }
    }

    private void setChecksum(String version, int checksum) throws Exception {
        try (Connection db = DriverManager.getConnection(url(), "sa", "");
                Statement statement = db.createStatement()) {
            statement.executeUpdate("update \"flyway_schema_history\" set \"checksum\" = " + checksum
                    + " where \"version\" = '" + version + "'");
        }
    }
}
