package dev.toolgate.bench;

import java.util.List;
import java.util.Map;

/**
 * Every figure of one benchmark run, as written to {@code bench/results/latest.json}. Latencies are in
 * microseconds, CPU in microseconds per request, memory in bytes. An item that did not run is null.
 *
 * @param date when the run started (ISO-8601, UTC)
 * @param commit the Git commit measured, or "unknown"
 * @param mode smoke, quick or full
 * @param machine cores, CPU model, memory, kernel, JDK and nginx version
 * @param runFolder the run's folder: process logs, nginx configuration, the JFR recording, the JMH log
 * @param addedLatency item 1, one entry per rate
 * @param throughput item 2
 * @param concurrency item 3, against the HTTP/1.1 endpoint and then the one that also offers HTTP/2
 * @param hotPath item 4, one entry per JMH benchmark
 * @param failFast item 5
 * @param production item 6
 */
public record BenchResults(
        String date,
        String commit,
        String mode,
        Map<String, String> machine,
        String runFolder,
        List<AddedLatency> addedLatency,
        Throughput throughput,
        List<Concurrency> concurrency,
        List<HotPathScore> hotPath,
        FailFast failFast,
        Production production) {

    /**
     * One measured run of one configuration.
     *
     * @param config direct, nginx, toolgate, invalid_args, blocked_destination, ...
     * @param rate the intended rate per second (0 for a burst)
     * @param latency the successes' latency from intended send time
     * @param sent requests sent
     * @param ok successes
     * @param errors failures by kind
     * @param cpuMicrosPerRequest CPU time per sent request of each process (endpoint, nginx, toolgate, generator),
     *     and under {@code others_cores} the cores that other processes of a shared machine kept busy meanwhile
     * @param endpointConnections connections (TLS handshakes) the endpoint accepted during the run: how well the
     *     configuration reuses its keep-alive connections
     */
    public record Run(
            String config,
            double rate,
            Latency latency,
            long sent,
            long ok,
            Map<String, Long> errors,
            Map<String, Double> cpuMicrosPerRequest,
            long endpointConnections) {

        /** Returns the number of failures. */
        public long errorCount() {
            return sent - ok;
        }
    }

    /**
     * Item 1 at one rate: medians across rounds, and the added latency of nginx and Toolgate over the direct call
     * (the median across rounds of each round's difference), with Toolgate's added latency divided by nginx's.
     *
     * @param rate invocations per second
     * @param rounds how many rounds ran (configurations alternating within each)
     * @param median per configuration, the median of each percentile across rounds
     * @param added per proxy (nginx, toolgate), the median of (proxy - direct) per percentile across rounds
     * @param ratio toolgate added / nginx added, per percentile name (p50, p90, p99, p99.9, max); empty without nginx
     * @param cpuMicrosPerRequest per configuration, the median CPU per request of each process
     * @param errors failed requests over all rounds and configurations
     * @param runs every run, in the order they ran
     */
    public record AddedLatency(
            int rate,
            int rounds,
            Map<String, Latency> median,
            Map<String, Latency> added,
            Map<String, Double> ratio,
            Map<String, Map<String, Double>> cpuMicrosPerRequest,
            long errors,
            List<Run> runs) {}

    /**
     * Item 2.
     *
     * @param steps Toolgate at increasing rates, up to the first that failed
     * @param sustainedRate the highest rate with p99 under 50 ms and no errors (0 if none)
     * @param harnessSteps the direct configuration at the same rates (the generator's and endpoint's own ceiling),
     *     or empty
     * @param harnessRate the highest rate the direct configuration passed, or 0
     * @param profile the JFR-profiled steady run
     */
    public record Throughput(
            List<Run> steps, int sustainedRate, List<Run> harnessSteps, int harnessRate, ProfiledRun profile) {}

    /**
     * A steady run of Toolgate under JFR.
     *
     * @param run the run's figures
     * @param toolgateCpuMicrosPerInvocation Toolgate's process CPU (all threads, GC and JIT included) per invocation
     * @param threadCpuMicrosPerInvocation the same split by thread name (digits folded to #), largest first
     * @param jfr the summary of the recording
     * @param jfrFile where the recording was written
     */
    public record ProfiledRun(
            Run run,
            double toolgateCpuMicrosPerInvocation,
            Map<String, Double> threadCpuMicrosPerInvocation,
            Profile jfr,
            String jfrFile) {}

    /**
     * Item 3.
     *
     * @param endpointProtocols what the endpoint offers through ALPN: {@code http/1.1}, or {@code h2, http/1.1}
     * @param inFlight invocations sent at once
     * @param holdMillis how long the endpoint held each
     * @param burst the burst's figures (latency measured from the burst's start)
     * @param drainSeconds from the burst's start to the last answer
     * @param peakRssBytes Toolgate's peak resident set ({@code VmHWM})
     * @param peakHeapUsedBytes the largest heap use sampled (every 200 ms) during the burst
     * @param peakLiveHeapBytes the largest live data after a collection sampled during the burst
     * @param endpointPeakInFlight the most requests the endpoint held at once
     * @param heapSamples how many heap samples were taken
     * @param heapTopClasses the largest classes on Toolgate's heap half-way through the hold
     *     ({@code jcmd GC.class_histogram}), as "MiB instances class"
     */
    public record Concurrency(
            String endpointProtocols,
            int inFlight,
            long holdMillis,
            Run burst,
            double drainSeconds,
            long peakRssBytes,
            long peakHeapUsedBytes,
            long peakLiveHeapBytes,
            long endpointPeakInFlight,
            int heapSamples,
            List<String> heapTopClasses) {}

    /**
     * One JMH benchmark of item 4.
     *
     * @param benchmark the method of {@link HotPathBenchmark}
     * @param microsPerOp the average time per operation, single thread (CPU time: no I/O)
     * @param error the 99.9% confidence half-interval (NaN with one iteration)
     * @param bytesPerOp bytes allocated per operation ({@code gc.alloc.rate.norm}), or -1 without the GC profiler
     */
    public record HotPathScore(String benchmark, double microsPerOp, double error, double bytesPerOp) {}

    /**
     * Item 5.
     *
     * @param rate requests per second
     * @param rounds rounds (the two calls alternate)
     * @param median per call kind (invalid_args, blocked_destination), the median of each percentile across rounds
     * @param errors calls that did not answer the expected error code
     * @param runs every run
     */
    public record FailFast(int rate, int rounds, Map<String, Latency> median, long errors, List<Run> runs) {}

    /**
     * Item 6: the production shape.
     *
     * @param rate requests per second
     * @param instances Toolgate instances behind nginx
     * @param direct the direct call, median of each percentile across rounds
     * @param production the call through nginx and the instances, the same way
     * @param added the median across rounds of (production - direct), percentile by percentile
     * @param errors production calls that did not answer ok
     * @param answered production calls answered ok, warm-up included
     * @param logged {@code ok} rows in the shared invocation log after the run: nothing is lost when at least
     *     {@code answered}
     * @param runs every measured run
     */
    public record Production(
            int rate,
            int instances,
            Latency direct,
            Latency production,
            Latency added,
            long errors,
            long answered,
            long logged,
            List<Run> runs) {}
}
