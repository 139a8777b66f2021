package dev.toolgate.server.config;

import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How Flyway migrates at startup: validate, {@code repair} only when the sole problem is a checksum mismatch of a
 * shipped migration whose comments (and nothing else) were edited after release, then {@code migrate}.
 *
 * <p>Why: Flyway's checksum covers a migration's whole text, comments included, so correcting a comment in an
 * applied {@code V*.sql} would make every existing database refuse to start. Repair realigns the stored checksums
 * with the shipped files (and drops failed-migration entries, of which a transactional PostgreSQL or H2 migration
 * leaves none); it changes no schema. Any other validation problem (a checksum mismatch of another version, a
 * migration applied but no longer shipped) is left alone, so {@code migrate}'s own validation still refuses to start.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

    /** Versions whose SQL comments were corrected after release; their SQL statements are unchanged. */
    static final Set<String> COMMENT_ONLY_EDITS = Set.of("1", "3");

    private static final Logger log = LoggerFactory.getLogger(MigrationConfiguration.class);

    @Bean
    FlywayMigrationStrategy repairCommentEditsThenMigrate() {
        return MigrationConfiguration::migrate;
    }

    /** Validates, repairs when {@link #onlyCommentEdits} says so, and migrates. */
    static void migrate(Flyway flyway) {
        ValidateResult result = flyway.validateWithResult();
        if (onlyCommentEdits(result)) {
            log.info(
                    "Realigning the Flyway checksums of migrations {} (only their comments changed)",
                    mismatched(result));
            flyway.repair();
        }
        flyway.migrate();
    }

    /**
     * True when validation found at least one checksum mismatch, every mismatch is a version of
     * {@link #COMMENT_ONLY_EDITS}, and every other problem is a shipped migration not applied yet (which
     * {@code migrate} applies).
     */
    static boolean onlyCommentEdits(ValidateResult result) {
        if (result.validationSuccessful || result.invalidMigrations == null || result.invalidMigrations.isEmpty()) {
            return false;
        }
        boolean anyMismatch = false;
        for (ValidateOutput invalid : result.invalidMigrations) {
            Object code = invalid.errorDetails == null ? null : invalid.errorDetails.errorCode;
            if (code == CoreErrorCode.CHECKSUM_MISMATCH && COMMENT_ONLY_EDITS.contains(invalid.version)) {
                anyMismatch = true;
            } else if (code != CoreErrorCode.RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED) {
                return false;
            }
        }
        return anyMismatch;
    }

    private static Set<String> mismatched(ValidateResult result) {
        return result.invalidMigrations.stream()
                .filter(invalid -> invalid.errorDetails != null
                        && invalid.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH)
                .map(invalid -> invalid.version)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
