package dev.toolgate.core.egress;

import java.io.IOException;

/**
 * Thrown inside an OkHttp call (by the guarded Dns or socket factory) when the destination is refused.
 * The executor maps it to {@code HTTP_TOOL_BLOCKED_DESTINATION}. No stack trace is captured.
 */
public final class EgressDeniedException extends IOException {
    private final DenyReason reason;

    public EgressDeniedException(DenyReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Egress denials are expected outcomes, not bugs: skip the stack trace. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** Returns the machine-readable reason. */
    public DenyReason reason() {
        return reason;
    }
}
