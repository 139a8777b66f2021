package dev.toolgate.server.invalidation;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The bus over Redis pub/sub: every instance publishes to and subscribes to the channel {@value #CHANNEL}. A
 * heartbeat every {@link #HEARTBEAT} pings Redis and checks the subscription's connection; when either fails the bus
 * is disconnected (caches drop everything and use short lifetimes), and when both work again it re-subscribes and
 * is connected again (caches drop everything once more, since messages sent meanwhile were lost). Lettuce
 * reconnects by itself. Close it to stop.
 */
public final class RedisInvalidationBus extends AbstractInvalidationBus implements AutoCloseable {

    /** The pub/sub channel of every Toolgate instance. */
    public static final String CHANNEL = "toolgate:invalidate";

    /** How often the connection is checked. */
    public static final Duration HEARTBEAT = Duration.ofMillis(500);

    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    private final ScheduledExecutorService heartbeat = scheduler("toolgate-invalidation-redis");
    private volatile boolean running = true;

    /**
     * Connects and subscribes.
     *
     * @param client the shared Redis client (its timeouts bound every command here)
     * @param fallbackTtl the longest a cache entry lives while disconnected
     * @throws io.lettuce.core.RedisException if Redis cannot be reached now
     */
    public RedisInvalidationBus(RedisClient client, Duration fallbackTtl) {
        super(fallbackTtl, false);
        this.commands = client.connect();
        this.subscription = client.connectPubSub();
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                if (CHANNEL.equals(channel)) {
                    receive(message);
                }
            }
        });
        subscription.sync().subscribe(CHANNEL);
        markConnected();
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void send(String json) {
        commands.sync().publish(CHANNEL, json);
    }

    @Override
    protected String transport() {
        return "Redis";
    }

    /** One heartbeat: ping, check the subscription, and re-subscribe once both work again. */
    private void beat() {
        try {
            commands.sync().ping();
            if (!subscription.isOpen()) {
                throw new IllegalStateException("the subscription's connection is closed");
            }
            if (!connected()) {
                subscription.sync().subscribe(CHANNEL);
                markConnected();
            }
        } catch (RuntimeException e) {
            if (running) {
                markDisconnected(e.getClass().getSimpleName());
            }
        }
    }

    /** Stops the heartbeat and closes both connections (the client stays open). */
    @Override
    public void close() {
        running = false;
        stop(heartbeat);
        subscription.close();
        commands.close();
    }
}
