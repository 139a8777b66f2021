package dev.toolgate.server.duplicate;

import java.time.Duration;

/**
 * Marks one call as in flight across instances: {@link #LOCAL_ONLY} for a single instance, {@link RedisFlightLock}
 * shared by every instance.
 */
public interface FlightLock {
    /**
     * Takes the lock of {@code key} for at most {@code ttl}.
     *
     * @param token identifies the holder, for {@link #release}
     * @return true when taken, false when another holder has it
     * @throws RuntimeException when the lock's store cannot be reached (the caller then runs the call)
     */
    boolean tryLock(String key, String token, Duration ttl);

    /**
     * Waits until the lock of {@code key} is free, for at most {@code max}: returns at once when nobody holds it,
     * as soon as its holder releases it, or when {@code max} has passed.
     *
     * @return true when the lock is free, false when it was still held after {@code max}
     * @throws InterruptedException when the waiting thread is interrupted
     * @throws RuntimeException like {@link #tryLock}
     */
    boolean awaitRelease(String key, Duration max) throws InterruptedException;

    /** Releases the lock of {@code key} if {@code token} still holds it; never throws. */
    void release(String key, String token);

    /** The lock of a single instance: every call is its own leader across instances (in-process coalescing only). */
    FlightLock LOCAL_ONLY = new FlightLock() {
        @Override
        public boolean tryLock(String key, String token, Duration ttl) {
            return true;
        }

        @Override
        public boolean awaitRelease(String key, Duration max) {
            return true;
        }

        @Override
        public void release(String key, String token) {}
    };
}
