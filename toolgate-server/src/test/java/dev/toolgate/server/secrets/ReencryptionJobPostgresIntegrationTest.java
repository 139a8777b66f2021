package dev.toolgate.server.secrets;

import dev.toolgate.server.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link ReencryptionJobIntegrationTest} on a PostgreSQL database of its own. Skipped without PostgreSQL, except under
 * {@code CI=true}, where that fails.
 */
class ReencryptionJobPostgresIntegrationTest extends ReencryptionJobIntegrationTest {

    TestPostgres database;

    @BeforeEach
    void createDatabase() {
        database = TestPostgres.create();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Override
    List<String> databaseSettings() {
        return List.of(
                "--toolgate.db.url=" + database.url(),
                "--toolgate.db.user=" + database.user(),
                "--toolgate.db.password=");
    }
}
