package dev.toolgate.server.invalidation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every bus shares: local delivery, the after-commit rule of {@link #publish}, the JSON wire form, and the
 * connected/disconnected state with its {@link InvalidationEvent.Everything} on each change. Subclasses only send
 * and receive text.
 */
public abstract class AbstractInvalidationBus implements InvalidationBus {

    private static final Logger log = LoggerFactory.getLogger(AbstractInvalidationBus.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final InvalidationEvent EVERYTHING = new InvalidationEvent.Everything();

    private final List<Consumer<InvalidationEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final Duration fallbackTtl;
    private final AtomicBoolean connected;

    /**
     * @param fallbackTtl the longest a cache entry lives while the bus is disconnected
     * @param connected whether the bus starts connected (the process-local bus always is)
     */
    protected AbstractInvalidationBus(Duration fallbackTtl, boolean connected) {
        this.fallbackTtl = Objects.requireNonNull(fallbackTtl, "fallbackTtl");
        this.connected = new AtomicBoolean(connected);
    }

    @Override
    public final void publish(InvalidationEvent event) {
        Objects.requireNonNull(event, "event");
        deliver(event);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    deliver(event);
                    if (status == STATUS_COMMITTED) {
                        sendQuietly(event);
                    }
                }
            });
        } else {
            sendQuietly(event);
        }
    }

    @Override
    public final void subscribe(Consumer<InvalidationEvent> subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
    }

    @Override
    public final boolean connected() {
        return connected.get();
    }

    @Override
    public final Duration cacheLifetime(Duration normal) {
        return connected.get() || normal.compareTo(fallbackTtl) <= 0 ? normal : fallbackTtl;
    }

    /**
     * Sends one event to the other instances.
     *
     * @param json the event's wire form
     * @throws Exception on any failure (logged by the caller)
     */
    protected abstract void send(String json) throws Exception;

    /** Returns a short name of the transport for log lines, e.g. {@code Redis}. */
    protected abstract String transport();

    /** Hands a message from another instance (or this one) to the subscribers; a malformed one is logged. */
    protected final void receive(String json) {
        InvalidationEvent event;
        try {
            event = JSON.readValue(json, InvalidationEvent.class);
        } catch (RuntimeException e) {
            log.warn(
                    "Ignoring a malformed cache-invalidation message ({} characters): {}",
                    json == null ? 0 : json.length(),
                    e.getClass().getSimpleName());
            return;
        }
        deliver(event);
    }

    /** Records that events from the other instances flow again; if they did not, every cache is dropped. */
    protected final void markConnected() {
        if (connected.compareAndSet(false, true)) {
            log.info("Cache invalidation through {} is connected; dropping every cached entry once", transport());
            deliver(EVERYTHING);
        }
    }

    /**
     * Records that events from the other instances may be missed; if they were flowing, every cache is dropped and
     * new entries live at most the fallback lifetime.
     */
    protected final void markDisconnected(String reason) {
        if (connected.compareAndSet(true, false)) {
            log.warn(
                    "Cache invalidation through {} is disconnected ({}); cached entries now live at most {} until it"
                            + " is back",
                    transport(),
                    reason,
                    fallbackTtl);
            deliver(EVERYTHING);
        }
    }

    /**
     * The single-thread scheduler of a bus's background work, on a virtual thread named {@code name}.
     *
     * @param name the thread's name, e.g. {@code toolgate-invalidation-redis}
     */
    protected static ScheduledExecutorService scheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name(name).factory());
    }

    /** Cancels a bus's background work, interrupting it, and waits for it to end (at most 2 s). */
    protected static void stop(ScheduledExecutorService scheduler) {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns the wire form of an event. */
    static String toJson(InvalidationEvent event) {
        return JSON.writeValueAsString(event);
    }

    private void sendQuietly(InvalidationEvent event) {
        try {
            send(toJson(event));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn(
                    "Could not send a cache invalidation through {} ({}); other instances see the change once their"
                            + " cached entries expire",
                    transport(),
                    e.toString());
        }
    }

    private void deliver(InvalidationEvent event) {
        for (Consumer<InvalidationEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                log.error("A cache-invalidation subscriber failed on {}", event, e);
            }
        }
    }
}
