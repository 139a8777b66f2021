/**
 * The benchmark run by {@code bench/run}: what Toolgate adds to a live call, measured on loopback.
 * {@link dev.toolgate.bench.BenchMain} is the command line and {@link dev.toolgate.bench.Bench} runs the items:
 * added latency against a direct call and nginx, throughput, concurrency, the core's hot path
 * ({@link dev.toolgate.bench.HotPathBenchmark}, JMH) and how fast refusals fail. The parts are an open-model
 * {@link dev.toolgate.bench.LoadGenerator}, a Netty {@link dev.toolgate.bench.TenantEndpoint},
 * {@link dev.toolgate.bench.Nginx}, {@link dev.toolgate.bench.Toolgate} (the packaged jar in its own JVM) and the
 * results ({@link dev.toolgate.bench.BenchResults}, {@link dev.toolgate.bench.Report}).
 *
 * <p>Depends on {@code toolgate-core} (for the hot path; the server only as a packaged jar), JMH, HdrHistogram,
 * Netty, OkHttp, Jackson and picocli. Nothing depends on it. Results and method are in {@code bench/README.md}.
 */
package dev.toolgate.bench;
