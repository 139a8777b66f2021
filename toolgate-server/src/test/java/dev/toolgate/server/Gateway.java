package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.server.invalidation.InvalidationBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One Toolgate instance of a multi-instance test: a full Spring application on a random loopback port, and a client
 * of its API. Several share a database (and Redis) as instances behind a load balancer would.
 *
 * @param context the running application
 * @param api a client of its REST API
 */
record Gateway(ConfigurableApplicationContext context, ApiClient api) implements AutoCloseable {

    /** How often {@link #awaitTrue} looks again. */
    static final Duration POLL = Duration.ofMillis(10);

    /**
     * Starts an instance and waits until its cache invalidations from the other instances arrive.
     *
     * @param args {@code --name=value} settings on top of a random port
     */
    static Gateway start(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("--server.port=0");
        // its own management port too: two instances (or another process on this machine) would clash on 8081
        all.add("--management.server.port=0");
        all.add("--server.address=127.0.0.1");
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(ToolgateApplication.class).run(all.toArray(String[]::new));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        Gateway gateway = new Gateway(context, new ApiClient("http://127.0.0.1:" + port));
        awaitTrue(Duration.ofSeconds(10), () -> gateway.bus().connected(), "the invalidation bus connects");
        return gateway;
    }

    /** The instance's invalidation bus. */
    InvalidationBus bus() {
        return context.getBean(InvalidationBus.class);
    }

    /**
     * Polls {@code condition} until it holds, failing the test if it does not within {@code deadline}.
     *
     * @param what the expectation, for the failure message
     */
    static void awaitTrue(Duration deadline, BooleanSupplier condition, String what) {
        Awaitility.await(what + " within " + deadline)
                .atMost(deadline)
                .pollInterval(POLL)
                .until(condition::getAsBoolean);
    }

    /**
     * Revokes a key through {@code writer} after this instance has cached it, and asserts that this instance then
     * refuses it within {@code within}.
     *
     * @param adminKey an admin key of the key's tenant
     * @param key the key's id and value
     */
    void refusesWithin(Duration within, Gateway writer, String adminKey, String[] key) {
        assertThat(api.get(key[1], "/v1/agents").status()).isEqualTo(200);
        assertThat(writer.api().delete(adminKey, "/v1/api-keys/" + key[0]).status())
                .isEqualTo(204);
        awaitTrue(within, () -> api.get(key[1], "/v1/agents").status() == 401, "the revoked key is refused");
    }

    @Override
    public void close() {
        context.close();
    }
}
