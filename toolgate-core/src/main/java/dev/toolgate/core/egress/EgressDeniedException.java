package dev.toolgate.core.egress;

import java.io.IOException;

/**
 * Thrown inside an OkHttp call (by the guarded Dns or socket factory) when the destination is refused;
 * nothing has been sent, and for a Dns refusal nothing has been connected. The executor maps it to
 * {@code HTTP_TOOL_BLOCKED_DESTINATION}. A resolution failure is never this exception: it stays an
 * {@link java.net.UnknownHostException} ({@code HTTP_TOOL_DNS_ERROR}).
 *
 * <p>The message names the host or address and the blocked range, never the URL's path or query (which may
 * hold secrets). No stack trace is captured: a denial is an expected outcome, not a bug.
 */
public final class EgressDeniedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final DenyReason reason;

    /**
     * Creates the exception.
     *
     * @param reason the machine-readable reason; not null
     * @param message the operator-facing sentence
     */
    public EgressDeniedException(DenyReason reason, String message) {
        super(message);
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
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
