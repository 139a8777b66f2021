/**
 * Sending a rendered request to a tenant endpoint and reading the answer within the limits.
 *
 * <p>{@link dev.toolgate.core.exec.HttpExecutor} holds the one shared OkHttp client (one connection pool for every
 * tenant), guarded by the egress policy, HTTPS only, never following redirects. One deadline covers DNS, connect,
 * TLS, sending and reading the body. At most the response cap of decoded bytes is read. A package-private text rule
 * decides whether a body is text a model can read, and a failure mapper turns any exception into exactly one
 * {@link dev.toolgate.core.error.ErrorCode} with a message that names at most host and port. Results are
 * {@link dev.toolgate.core.exec.ExecutionResult} values with {@link dev.toolgate.core.exec.PhaseTimings};
 * {@link dev.toolgate.core.exec.ExecutorConfig} holds the deployment ceilings, extra trusted CAs and pool size.
 *
 * <p>Depends on {@code dev.toolgate.core.egress} (the guards installed on the client), {@code error},
 * {@code render} ({@code RenderedRequest}), {@code tool} ({@code HttpMethod}), OkHttp and okhttp-tls.
 */
package dev.toolgate.core.exec;
