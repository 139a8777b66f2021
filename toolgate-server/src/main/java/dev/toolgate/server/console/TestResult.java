package dev.toolgate.server.console;

import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.invocation.InvocationQueries;
import dev.toolgate.server.invocation.InvocationRecord;
import dev.toolgate.server.invocation.TestFireOut;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What the test panel shows of a test fire besides its answer: the signature headers of the rendered request, the
 * timing waterfall of the logged invocation against the budget, and the request as curl.
 *
 * @param signatureHeaders the request's signature headers ({@code X-Toolgate-*}, {@code webhook-*}), masked as sent
 *     back
 * @param phases the waterfall, in order (DNS, connect, TLS, first byte, total), empty when nothing was sent
 * @param budgetMs the call's budget in milliseconds
 * @param curl the request as a curl command with secrets masked, or null when there was no request
 * @param responsePreview the endpoint's response body as the invocation log keeps it (its first bytes, PII masked), or
 *     null when nothing was sent
 */
public record TestResult(
        Map<String, String> signatureHeaders, List<Phase> phases, long budgetMs, String curl, String responsePreview) {

    /**
     * One bar of the waterfall (docs/request-response.md): DNS, then connect (TLS inside it), then the wait for the
     * first byte of the answer, and the total.
     *
     * @param name the phase, e.g. {@code TLS}
     * @param startMs when it started, from the start of the call, in milliseconds
     * @param endMs when it ended, from the start of the call, in milliseconds
     */
    public record Phase(String name, double startMs, double endMs) {

        /** Returns how long the phase took, in milliseconds. */
        public double ms() {
            return endMs - startMs;
        }
    }

    /** The width of the waterfall's drawing, in SVG user units. */
    static final double WIDTH = 1000;

    /** Returns the drawing's x of a time since the call started: the budget or the total, whichever is longer, spans it. */
    public double x(double ms) {
        double scale = budgetMs;
        for (Phase phase : phases) {
            scale = Math.max(scale, phase.endMs());
        }
        return scale <= 0 ? 0 : ms * WIDTH / scale;
    }

    /** Returns the width of a phase's bar in the drawing, at least 2 units so a short phase stays visible. */
    public double width(Phase phase) {
        return Math.max(2, x(phase.endMs()) - x(phase.startMs()));
    }

    static TestResult of(TestFireOut out, UUID tenantId, InvocationQueries queries, Duration budget) {
        Map<String, String> signature = new java.util.LinkedHashMap<>();
        String curl = null;
        if (out.request() != null) {
            out.request().headers().forEach((name, value) -> {
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("x-toolgate-")
                        || lower.startsWith("webhook-")
                        || lower.equals("idempotency-key")) {
                    signature.put(name, value);
                }
            });
            curl = queries.curl(out.request());
        }
        List<Phase> phases = new ArrayList<>();
        String preview = null;
        if (out.result() != null && !out.dryRun()) {
            Optional<InvocationRecord> record =
                    find(queries, tenantId, out.result().invocationId());
            preview = record.map(InvocationRecord::responsePreview).orElse(null);
            JsonNode timings =
                    record.map(r -> JsonText.read(r.timingsJson()).value()).orElse(null);
            if (timings != null) {
                double dns = timings.path("dns_ms").asDouble(0);
                double connect = timings.path("connect_ms").asDouble(0);
                double tls = timings.path("tls_ms").asDouble(0);
                double connected = dns + connect;
                phases.add(new Phase("DNS", 0, dns));
                phases.add(new Phase("Connect", dns, connected));
                phases.add(new Phase("TLS", Math.max(dns, connected - tls), connected));
                if (timings.has("first_byte_ms")) {
                    phases.add(new Phase(
                            "First byte",
                            connected,
                            timings.get("first_byte_ms").asDouble()));
                }
                phases.add(new Phase("Total", 0, timings.path("total_ms").asDouble(0)));
            }
        }
        return new TestResult(signature, phases, budget.toMillis(), curl, preview);
    }

    private static Optional<InvocationRecord> find(InvocationQueries queries, UUID tenantId, String id) {
        try {
            return Optional.of(queries.require(tenantId, UUID.fromString(id)));
        } catch (ApiException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
