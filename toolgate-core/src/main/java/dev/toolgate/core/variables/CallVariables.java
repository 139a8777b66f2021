package dev.toolgate.core.variables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The variables of live calls, keyed by the voice runtime's call id. Each call holds stored variables (the
 * {@code {{vars.NAME}}} values) and, for {@code extract_variable} tools with confirmation, pending values
 * that wait for the caller's yes. A call's variables are forgotten {@link #lifetime()} after its last
 * write.
 *
 * <p>Implementations are thread-safe. Names follow {@code ^[a-zA-Z_][a-zA-Z0-9_]{0,63}$} (checked when a tool
 * is created, not here); values are at most {@value #MAX_VALUE_LENGTH} characters.
 */
public interface CallVariables {

    /** How long a call's variables live after their last write, by default: 2 hours. */
    Duration DEFAULT_LIFETIME = Duration.ofHours(2);

    /** The longest value, in characters. */
    int MAX_VALUE_LENGTH = 1000;

    /** The most stored variables of one call. */
    int MAX_VARIABLES_PER_CALL = 100;

    /**
     * Returns the store key of a tenant's call: {@code <tenantId>/<callId>}. Call ids come from the voice runtime
     * and are unique only within a tenant, so every read and write goes through this key: one tenant never sees
     * another's variables under the same call id.
     *
     * @param tenantId the tenant
     * @param callId the runtime's call id, not empty
     * @throws IllegalArgumentException if {@code callId} is empty
     */
    static String scope(UUID tenantId, String callId) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (callId == null || callId.isEmpty()) {
            throw new IllegalArgumentException("call variables need a call id");
        }
        return tenantId + "/" + callId;
    }

    /**
     * Returns the stored variables of a call (pending values excluded).
     *
     * @param callId the call id
     * @return name → value, an immutable snapshot; empty for an unknown or expired call
     */
    Map<String, String> variables(String callId);

    /**
     * Stores a variable and drops any pending value of the same name.
     *
     * @return false when the call already holds {@value #MAX_VARIABLES_PER_CALL} other variables (nothing was
     *     stored)
     * @throws IllegalArgumentException if {@code value} is longer than {@value #MAX_VALUE_LENGTH} characters
     */
    boolean put(String callId, String name, String value);

    /**
     * Stores several variables, in order, as {@link #put} does.
     *
     * @return the names that were not stored because the call was full; empty when all were stored
     */
    default List<String> putAll(String callId, Map<String, String> values) {
        List<String> refused = new ArrayList<>();
        values.forEach((name, value) -> {
            if (!put(callId, name, value)) {
                refused.add(name);
            }
        });
        return refused;
    }

    /** Returns the value waiting for confirmation under {@code name}, if any. */
    Optional<String> pending(String callId, String name);

    /**
     * Keeps a value waiting for confirmation, replacing an earlier one of the same name.
     *
     * @throws IllegalArgumentException if {@code value} is longer than {@value #MAX_VALUE_LENGTH} characters
     */
    void putPending(String callId, String name, String value);

    /** Drops the pending value of {@code name}, if any. */
    void clearPending(String callId, String name);

    /** Returns how long a call's variables live after its last write. */
    Duration lifetime();
}
