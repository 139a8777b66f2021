package dev.toolgate.server;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Duration;

/** Checks for the machine's Redis (127.0.0.1:6379): skipped without it, except under {@code CI=true} (fails). */
final class TestRedis {

    static final String URL = "redis://127.0.0.1:6379";

    private TestRedis() {}

    /** Skips (or, under {@code CI=true}, fails) the test unless Redis answers at {@code url}. */
    static void require(String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(uri);
        try (var connection = client.connect()) {
            connection.sync().ping();
        } catch (RuntimeException e) {
            TestPostgres.unavailable("Redis at " + url, e);
        } finally {
            client.shutdown();
        }
    }
}
