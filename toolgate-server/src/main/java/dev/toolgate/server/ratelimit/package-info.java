/**
 * Token-bucket rate limits (Bucket4j): per tenant, per tool, and test fires per tenant in a bucket of their own.
 * {@link dev.toolgate.server.ratelimit.RateLimiter} takes tokens and answers a
 * {@link dev.toolgate.server.ratelimit.RateDecision} (allowed, or the refusing limit and its retry-after);
 * {@link dev.toolgate.server.ratelimit.TenantRateLimits} applies a tenant's overrides to the deployment defaults.
 * Buckets live in a {@link dev.toolgate.server.ratelimit.BucketStore}: this process
 * ({@link dev.toolgate.server.ratelimit.LocalBucketStore}) or Redis
 * ({@link dev.toolgate.server.ratelimit.RedisBucketStore}), shared by every instance.
 *
 * <p>Depends on {@code server.config}, {@code server.tenant} (the stored overrides and their change event),
 * Bucket4j, Lettuce and Spring. Described in the project's {@code docs/rate-limits.md}.
 */
package dev.toolgate.server.ratelimit;
