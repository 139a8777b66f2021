package dev.toolgate.server.config;

import org.springframework.context.SmartLifecycle;

/**
 * The order of a clean stop (SIGTERM), as {@link SmartLifecycle} phases: Spring stops the highest phase first and
 * starts the lowest first. On stop: (1) the web server stops accepting and finishes the calls in flight
 * ({@code server.shutdown=graceful}, at most {@code spring.lifecycle.timeout-per-shutdown-phase}; Spring Boot's
 * phases {@code DEFAULT_PHASE - 1024} and {@code - 2048}); (2) the invocation log writes everything still queued
 * and the retention job stops ({@link #INVOCATION_LOG}); (3) the database pool closes, which closes the embedded
 * H2 database ({@link #DATABASE}). docs/invocation-log.md describes what this guarantees.
 */
public final class ShutdownPhases {

    /** The invocation log and the retention job: after the web server, before the database. */
    public static final int INVOCATION_LOG = SmartLifecycle.DEFAULT_PHASE - 4096;

    /** The database pool: last. */
    public static final int DATABASE = SmartLifecycle.DEFAULT_PHASE - 8192;

    private ShutdownPhases() {}
}
