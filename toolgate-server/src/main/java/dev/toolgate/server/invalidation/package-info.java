/**
 * Cache invalidation across instances: {@link dev.toolgate.server.invalidation.InvalidationBus} carries
 * {@link dev.toolgate.server.invalidation.InvalidationEvent}s through Redis pub/sub, PostgreSQL LISTEN/NOTIFY or
 * only this process, and {@link dev.toolgate.server.invalidation.InvalidatingCache} is the cache the stores keep
 * honest with them. See docs/configuration.md ({@code toolgate.invalidation.fallback-ttl}).
 */
package dev.toolgate.server.invalidation;
