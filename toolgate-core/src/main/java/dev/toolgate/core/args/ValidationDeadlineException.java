package dev.toolgate.core.args;

/**
 * Thrown by {@link ArgumentValidator#validate(tools.jackson.databind.JsonNode, long)} when the call's deadline
 * passed while a tenant's regular expression was still matching. The arguments were not judged; the caller
 * reports the call as timed out and sends nothing. Carries no stack trace and no tenant data.
 */
public final class ValidationDeadlineException extends RuntimeException {

    /** Creates the exception; its message says only that the deadline passed during validation. */
    public ValidationDeadlineException() {
        super("the call's deadline passed while the arguments were being validated", null, false, false);
    }
}
