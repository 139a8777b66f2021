package dev.toolgate.server.demo;

import java.io.PrintStream;
import java.util.List;

/** Prints a demo run's summary: expected against actual outcomes, and latency percentiles in milliseconds. */
final class DemoReport {

    private DemoReport() {}

    /**
     * Prints {@code s} to {@code out}.
     *
     * @param concurrency how many requests the demo kept in flight
     * @param latencyNanos each call's round trip through the gateway, in nanoseconds
     * @param gatewayMs each call's {@code duration_ms} as the gateway reported it
     * @param seconds how long the run took
     */
    static void print(
            PrintStream out,
            int concurrency,
            DemoRunner.Summary s,
            List<Long> latencyNanos,
            List<Double> gatewayMs,
            double seconds) {
        out.println();
        out.println(
                "Toolgate demo: BFCL tool calls end to end (REST API -> gateway -> signed HTTPS -> tenant endpoint)");
        out.println("-".repeat(86));
        out.printf("%-44s %12s %12s%n", "", "expected", "got");
        out.printf("%-44s %12d %12d%n", "tools registered", s.tools(), s.toolsRegistered());
        out.printf(
                "%-44s %12d %12d%n",
                "valid calls -> ok", s.validCalls(), s.validOutcomes().getOrDefault("ok", 0));
        s.validOutcomes().forEach((code, n) -> {
            if (!code.equals("ok")) {
                out.printf("%-44s %12d %12d%n", "valid calls -> " + code, 0, n);
            }
        });
        out.printf(
                "%-44s %12d %12d%n",
                "invalid calls -> HTTP_TOOL_INVALID_ARGS",
                s.invalidCalls(),
                s.invalidOutcomes().getOrDefault("HTTP_TOOL_INVALID_ARGS", 0));
        s.invalidOutcomes().forEach((code, n) -> {
            if (!code.equals("HTTP_TOOL_INVALID_ARGS")) {
                out.printf("%-44s %12d %12d%n", "invalid calls -> " + code, 0, n);
            }
        });
        out.printf(
                "%-44s %12d %12d%n",
                "requests reaching the endpoint", s.validCalls(), s.endpoint().requests());
        out.printf(
                "%-44s %12d %12d%n",
                "signatures verified by the endpoint",
                s.validCalls(),
                s.endpoint().verified());
        out.printf(
                "%-44s %12d %12d%n",
                "signatures rejected by the endpoint", 0, s.endpoint().rejected());
        out.printf(
                "%-44s %12d %12d%n",
                "unsigned requests seen by the endpoint", 0, s.endpoint().unsigned());
        out.println("-".repeat(86));
        out.printf("%-44s %8s %8s %8s %8s %8s%n", "latency (ms)", "p50", "p90", "p99", "p99.9", "max");
        List<Double> roundTrip =
                latencyNanos.stream().map(n -> n / 1e6).sorted().toList();
        List<Double> inGateway = gatewayMs.stream().sorted().toList();
        out.printf(
                "%-44s %8.2f %8.2f %8.2f %8.2f %8.2f%n",
                "client round trip through the gateway",
                pct(roundTrip, 50),
                pct(roundTrip, 90),
                pct(roundTrip, 99),
                pct(roundTrip, 99.9),
                pct(roundTrip, 100));
        out.printf(
                "%-44s %8.2f %8.2f %8.2f %8.2f %8.2f%n",
                "gateway-reported duration_ms",
                pct(inGateway, 50),
                pct(inGateway, 90),
                pct(inGateway, 99),
                pct(inGateway, 99.9),
                pct(inGateway, 100));
        out.printf(
                "%d calls in %.1f s with %d in flight (including tool registration); result: %s%n",
                s.validCalls() + s.invalidCalls(), seconds, concurrency, s.passed() ? "PASS" : "FAIL");
    }

    private static double pct(List<Double> sorted, double percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
