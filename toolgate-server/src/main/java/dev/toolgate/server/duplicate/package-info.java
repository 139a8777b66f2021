/**
 * Duplicate tool calls: {@link dev.toolgate.server.duplicate.DuplicateCalls} lets a call identical to one in
 * flight wait for that one's answer, and serves a call identical to one that finished within the tool's
 * {@code duplicate_window} from its result, so neither reaches the endpoint twice (the answer is marked
 * {@code repeat_of}). Finished results live in a
 * {@link dev.toolgate.server.duplicate.ResultCache}: in this process
 * ({@link dev.toolgate.server.duplicate.LocalResultCache}) or in Redis
 * ({@link dev.toolgate.server.duplicate.RedisResultCache}), shared by every instance; with Redis, a call in flight on
 * one instance is awaited by identical calls on the others too (a {@link dev.toolgate.server.duplicate.FlightLock}:
 * {@link dev.toolgate.server.duplicate.RedisFlightLock}).
 *
 * <p>Depends on {@code server.config}, Lettuce, Jackson and Spring.
 */
package dev.toolgate.server.duplicate;
