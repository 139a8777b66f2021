package dev.toolgate.server.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.TestPostgres;
import dev.toolgate.server.ToolgateApplication;
import dev.toolgate.server.secrets.SecretCipher;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The invocation log on PostgreSQL (docs/invocation-log.md): an existing plain table (schema version 3) with rows
 * becomes a table partitioned by day with its rows kept, partitions exist 7 days ahead, records are written in one
 * JDBC batch (multi-row inserts on the wire) and found by id, and retention drops whole old partitions. Skipped without PostgreSQL, except
 * under {@code CI=true}, where that fails.
 */
class InvocationLogPartitionPostgresTest {

    static final UUID TENANT = UUID.randomUUID();

    TestPostgres database;
    final String keyset = SecretCipher.generateKeysetJson();

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

    ConfigurableApplicationContext start(String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.main.web-application-type=none",
                "--toolgate.db.url=" + database.url(),
                "--toolgate.db.user=" + database.user(),
                "--toolgate.db.password=",
                "--toolgate.master-key=" + keyset,
                "--toolgate.bootstrap-api-key=tg_test_partition_admin_key_0123456789",
                "--toolgate.invocation-log.retention=30d"));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(ToolgateApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void anExistingLogIsPartitionedByDayKeepsItsRowsAndRetentionDropsOldDays() {
        Instant now = Instant.now();
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        try (ConfigurableApplicationContext v3 = start("--spring.flyway.target=3")) {
            JdbcClient jdbc = v3.getBean(JdbcClient.class);
            assertThat(partitioned(jdbc)).isFalse();
            insert(jdbc, old, now.minus(40, ChronoUnit.DAYS));
            insert(jdbc, recent, now.minus(2, ChronoUnit.DAYS));
        }

        try (ConfigurableApplicationContext context = start()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            InvocationLog invocationLog = context.getBean(InvocationLog.class);
            RetentionJob retention = context.getBean(RetentionJob.class);
            assertThat(partitioned(jdbc)).isTrue();
            assertThat(invocationLog.find(TENANT, old)).isPresent();
            assertThat(invocationLog.find(TENANT, recent)).isPresent();
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            assertThat(retention.partitions())
                    .contains(
                            partition(today.minusDays(40)),
                            partition(today.minusDays(2)),
                            partition(today),
                            partition(today.plusDays(RetentionJob.DAYS_AHEAD)));
            assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'invocations_created_idx'")
                            .query(String.class)
                            .single())
                    .contains("USING brin");

            List<UUID> written = new ArrayList<>();
            for (int i = 0; i < 1_200; i++) {
                UUID id = UUID.randomUUID();
                written.add(id);
                invocationLog.record(record(id, now));
            }
            invocationLog.flush();
            assertThat(count(jdbc)).isEqualTo(2 + 1_200);
            assertThat(invocationLog.find(TENANT, written.get(777))).isPresent();

            assertThat(retention.purge()).isEqualTo(1);
            assertThat(invocationLog.find(TENANT, old)).isEmpty();
            assertThat(invocationLog.find(TENANT, recent)).isPresent();
            assertThat(retention.partitions()).doesNotContain(partition(today.minusDays(40)));
            assertThat(count(jdbc)).isEqualTo(1 + 1_200);
        }
    }

    private static String partition(LocalDate day) {
        return "invocations_" + day.toString().replace("-", "");
    }

    private static boolean partitioned(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from pg_partitioned_table where partrelid = 'invocations'::regclass")
                        .query(Integer.class)
                        .single()
                == 1;
    }

    private static int count(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from invocations").query(Integer.class).single();
    }

    private static void insert(JdbcClient jdbc, UUID id, Instant createdAt) {
        jdbc.sql("insert into invocations (id, tenant_id, agent_id, tool_name, kind, status, truncated, duration_ms,"
                        + " created_at) values (?, ?, ?, 'lookup', 'invoke', 'ok', false, 1.5, ?)")
                .params(id, TENANT, UUID.randomUUID(), Timestamp.from(createdAt))
                .update();
    }

    private static InvocationRecord record(UUID id, Instant createdAt) {
        return InvocationRecord.builder(id, TENANT)
                .agentId(UUID.randomUUID())
                .toolName("lookup")
                .kind("invoke")
                .toolCallId("tc")
                .callId("call")
                .status("ok")
                .httpStatus(200)
                .durationMs(1.5)
                .argumentsJson("{}")
                .responsePreview("ok")
                .createdAt(createdAt)
                .build();
    }
}
