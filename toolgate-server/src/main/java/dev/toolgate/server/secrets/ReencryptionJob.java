package dev.toolgate.server.secrets;

import dev.toolgate.server.config.ToolgateProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts stored secrets under the master key's primary key after a rotation (docs/secrets.md). At startup it
 * looks for rows written under another key, told apart by the key id that starts every Tink ciphertext
 * ({@link SecretCipher#primaryTextPrefixes}); if there are any it works through them in the background, table by
 * table ({@code tools.auth_secret}, {@code signing_secrets.secret}, {@code tenant_secrets.ciphertext}), in batches
 * of {@code toolgate.reencryption.batch-size} rows, each its own transaction, pausing
 * {@code toolgate.reencryption.batch-pause} between batches.
 *
 * <p>Each row is decrypted with whichever key wrote it and written back encrypted with the primary key, only if it
 * still holds what was read ({@code update ... where value = old}): a value changed meanwhile is already under the
 * primary key, and is kept. The service keeps serving throughout, since the old keys still decrypt. Stopping the
 * service stops the job between batches; the next start continues with what is left, because finished rows no
 * longer match. A row that cannot be decrypted is logged (its binding, never a value) and skipped. Several
 * instances may run it at once: they only skip each other's rows.
 */
@Component
@Order(-5)
class ReencryptionJob implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReencryptionJob.class);

    /** One encrypted column: its table, value column and the associated data of a row. */
    private record Column(String table, String value, String extraColumns, Binding binding) {
        String describe() {
            return table + "." + value;
        }
    }

    @FunctionalInterface
    private interface Binding {
        String of(ResultSet row) throws SQLException;
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("tools", "auth_secret", "", row -> SecretCipher.toolAuth(row.getObject("id", UUID.class))),
            new Column(
                    "signing_secrets",
                    "secret",
                    ", tool_id",
                    row -> SecretCipher.signingSecret(
                            row.getObject("tool_id", UUID.class), row.getObject("id", UUID.class))),
            new Column(
                    "tenant_secrets",
                    "ciphertext",
                    ", tenant_id, name",
                    row -> SecretCipher.tenantSecret(row.getObject("tenant_id", UUID.class), row.getString("name"))));

    /** One row read for re-encryption. */
    private record Row(UUID id, String stored, String binding) {}

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final Duration batchPause;
    private volatile Thread worker;
    private volatile boolean stopping;
    /** Counted down to stop; a batch pause waits on it, so stopping never interrupts a database call. */
    private final CountDownLatch stop = new CountDownLatch(1);

    ReencryptionJob(
            JdbcClient jdbc, SecretCipher cipher, TransactionTemplate transactions, ToolgateProperties properties) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.transactions = transactions;
        this.batchSize = properties.reencryption().batchSize();
        this.batchPause = properties.reencryption().batchPause();
    }

    /** Starts the job in the background if any row is under another key than the primary. */
    @Override
    public void run(ApplicationArguments args) {
        List<String> prefixes = cipher.primaryTextPrefixes();
        if (prefixes.isEmpty()) {
            log.warn("The primary master key has no Tink key prefix, so rows under older keys cannot be told apart;"
                    + " stored secrets are not re-encrypted");
            return;
        }
        long pending = 0;
        for (Column column : COLUMNS) {
            pending += jdbc.sql("select count(*) from " + column.table() + " where " + notUnderPrimary(column))
                    .params(prefixes)
                    .query(Long.class)
                    .single();
        }
        if (pending == 0) {
            return;
        }
        log.info(
                "Re-encrypting {} stored secrets under the primary master key {} in the background",
                pending,
                Integer.toUnsignedString(cipher.primaryKeyId()));
        long total = pending;
        worker = Thread.ofVirtual().name("toolgate-reencryption").start(() -> work(prefixes, total));
    }

    private void work(List<String> prefixes, long pending) {
        long done = 0;
        long skipped = 0;
        try {
            for (Column column : COLUMNS) {
                UUID after = null;
                while (!stopping) {
                    List<Row> batch = batch(column, prefixes, after);
                    if (batch.isEmpty()) {
                        break;
                    }
                    int[] counts = transactions.execute(status -> reencrypt(column, batch));
                    done += counts[0];
                    skipped += counts[1];
                    after = batch.getLast().id();
                    log.debug("Re-encrypted {} of {} rows in {}", counts[0], batch.size(), column.describe());
                    if (batch.size() < batchSize) {
                        break;
                    }
                    if (!batchPause.isZero() && stop.await(batchPause.toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopping) {
                log.error("Re-encrypting stored secrets stopped; the next start continues: {}", e.toString());
            }
            return;
        }
        if (stopping) {
            log.info("Re-encryption paused after {} of {} rows; the next start continues", done, pending);
        } else {
            log.info(
                    "Re-encryption finished: {} rows now under the primary master key{}",
                    done,
                    skipped == 0 ? "" : " (" + skipped + " changed meanwhile or undecryptable, left as they are)");
        }
    }

    private List<Row> batch(Column column, List<String> prefixes, UUID after) {
        List<Object> params = new ArrayList<>(prefixes);
        if (after != null) {
            params.add(after);
        }
        return jdbc.sql("select id, " + column.value() + column.extraColumns() + " from " + column.table() + " where "
                        + notUnderPrimary(column) + (after == null ? "" : " and id > ?")
                        + " order by id fetch first " + batchSize + " rows only")
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString(column.value()),
                        column.binding().of(rs)))
                .list();
    }

    /** Re-encrypts one batch; returns {re-encrypted, skipped}. */
    private int[] reencrypt(Column column, List<Row> batch) {
        int done = 0;
        int skipped = 0;
        for (Row row : batch) {
            String plaintext;
            try {
                if (!cipher.needsReencryption(row.stored())) {
                    continue;
                }
                plaintext = cipher.decrypt(row.stored(), row.binding());
            } catch (SecretCipherException e) {
                log.error("Cannot re-encrypt {}: {}", row.binding(), e.getMessage());
                skipped++;
                continue;
            }
            int updated = jdbc.sql("update " + column.table() + " set " + column.value() + " = ? where id = ? and "
                            + column.value() + " = ?")
                    .params(cipher.encrypt(plaintext, row.binding()), row.id(), row.stored())
                    .update();
            if (updated == 1) {
                done++;
            } else {
                skipped++;
            }
        }
        return new int[] {done, skipped};
    }

    private static String notUnderPrimary(Column column) {
        return column.value() + " is not null and left(" + column.value() + ", 14) not in (?, ?, ?, ?)";
    }

    /** Stops the job after its current batch and waits for it (at most 10 s). */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        stop.countDown();
        Thread running = worker;
        if (running != null) {
            running.join(Duration.ofSeconds(10));
        }
    }
}
