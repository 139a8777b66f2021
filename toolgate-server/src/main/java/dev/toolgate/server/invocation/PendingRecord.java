package dev.toolgate.server.invocation;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * A record accepted by the {@link InvocationLog} and not yet written. Its content is built at most once, on the
 * writer thread (or by a reader that asks for it first), so the caller's thread pays no JSON serialisation or
 * preview masking. Thread-safe.
 */
final class PendingRecord {
    final UUID id;
    final UUID tenantId;
    private Supplier<InvocationRecord> builder;
    private InvocationRecord record;

    /**
     * @param id the invocation id
     * @param tenantId its tenant, so a reader of another tenant never sees it
     * @param builder makes the record; must read only values that no longer change
     */
    PendingRecord(UUID id, UUID tenantId, Supplier<InvocationRecord> builder) {
        this.id = id;
        this.tenantId = tenantId;
        this.builder = builder;
    }

    /** Returns the record, building it on first use. */
    synchronized InvocationRecord get() {
        if (record == null) {
            record = builder.get();
            builder = null;
        }
        return record;
    }
}
