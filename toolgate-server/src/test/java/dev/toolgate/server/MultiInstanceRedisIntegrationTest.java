package dev.toolgate.server;

import java.util.List;

/**
 * Two instances that share PostgreSQL and Redis (127.0.0.1:6379): changes reach the other instance through Redis
 * pub/sub. Skipped without PostgreSQL or Redis, except under {@code CI=true}, where that fails.
 */
class MultiInstanceRedisIntegrationTest extends MultiInstanceTestBase {

    @Override
    void beforeInstances() {
        TestRedis.require(TestRedis.URL);
    }

    @Override
    List<String> transportSettings() {
        return List.of("--toolgate.redis-url=" + TestRedis.URL);
    }
}
