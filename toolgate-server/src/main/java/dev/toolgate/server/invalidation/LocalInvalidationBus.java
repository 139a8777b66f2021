package dev.toolgate.server.invalidation;

import java.time.Duration;

/**
 * The bus of a single instance (the embedded database): events reach this process's caches only, and it is always
 * connected.
 */
public final class LocalInvalidationBus extends AbstractInvalidationBus {

    /** Creates the bus. */
    public LocalInvalidationBus() {
        super(Duration.ZERO, true);
    }

    @Override
    protected void send(String json) {}

    @Override
    protected String transport() {
        return "this process";
    }
}
