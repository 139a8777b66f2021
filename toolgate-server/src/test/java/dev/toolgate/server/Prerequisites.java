package dev.toolgate.server;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when something it needs from the machine is missing (a service, a browser, an npm kit): under
 * {@code CI=true} it fails, because README's test command installs and starts everything; otherwise (a plain
 * {@code ./mvnw verify} on a bare machine) it is skipped with the reason.
 */
final class Prerequisites {
    private Prerequisites() {}

    /** Fails the test under {@code CI=true}, else aborts (skips) it; {@code message} says what is missing. */
    static void missing(String message) {
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }
}
