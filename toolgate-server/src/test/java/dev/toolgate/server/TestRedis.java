package dev.toolgate.server;

import static org.assertj.core.api.Assertions.fail;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/** The Redis of this machine (127.0.0.1:6379) for tests: skipped without it, except under {@code CI=true} (fails). */
public final class TestRedis {

    /** The URL of the machine's Redis. */
    public static final String URL = "redis://127.0.0.1:6379";

    private static RedisClient shared;

    private TestRedis() {}

    /**
     * Returns the client of 127.0.0.1:6379 shared by the tests of this JVM, connecting it on first use; it lives
     * until the JVM ends. Without Redis the calling test is aborted (skipped), or failed under {@code CI=true}.
     */
    public static synchronized RedisClient client() {
        if (shared == null) {
            shared = connect();
        }
        return shared;
    }

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

    private static RedisClient connect() {
        RedisClient redis = RedisClient.create(RedisURI.builder()
                .withHost("127.0.0.1")
                .withPort(6379)
                .withTimeout(Duration.ofSeconds(2))
                .build());
        try (var connection = redis.connect()) {
            connection.sync().ping();
            return redis;
        } catch (RuntimeException e) {
            redis.shutdown();
            if ("true".equals(System.getenv("CI"))) {
                fail("Redis at 127.0.0.1:6379 is required under CI=true: " + e.getMessage());
            }
            Assumptions.abort("Redis not reachable at 127.0.0.1:6379: " + e.getMessage());
            throw new IllegalStateException("unreachable");
        }
    }
}
