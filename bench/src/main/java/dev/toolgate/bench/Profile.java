package dev.toolgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of Toolgate under load: where its Java CPU samples ({@code jdk.ExecutionSample}) and
 * allocations ({@code jdk.ObjectAllocationSample}, by weight) go, by pipeline stage, plus the hottest leaf methods.
 *
 * <p>A sample's stage is decided by the innermost Toolgate frame on its stack ({@code dev.toolgate.*}: e.g. a sample
 * in H2 under {@code ApiKeyService.authenticate} is "API-key lookup"); a stack without a Toolgate frame goes by the
 * innermost frame of a known library (Tomcat, Spring MVC, Jackson, OkHttp, TLS, H2, ...).
 *
 * @param executionSamples how many CPU samples the recording holds
 * @param cpuByStage share of CPU samples per stage, largest first (fractions summing to 1)
 * @param allocationBytes the sampled allocation weight, in bytes (an estimate of all bytes allocated)
 * @param allocationByStage share of allocated bytes per stage, largest first
 * @param topMethods the hottest leaf methods ({@code Class.method}) with their share of CPU samples
 * @param gcPauses the number of GC pauses
 * @param gcPauseMillis their total duration, in milliseconds
 */
public record Profile(
        long executionSamples,
        Map<String, Double> cpuByStage,
        long allocationBytes,
        Map<String, Double> allocationByStage,
        Map<String, Double> topMethods,
        long gcPauses,
        double gcPauseMillis) {

    /**
     * Work that runs in a context of its own, found anywhere on the stack (outermost first): a sample on the
     * invocation log's writer is the log's cost whatever library it is in, split by the innermost library below.
     */
    private static final String[][] CONTEXTS = {
        {"dev.toolgate.server.invocation.InvocationLog.drainLoop", "invocation log writer"},
        {"dev.toolgate.server.invocation.InvocationLog.flush", "invocation log writer"},
        {"dev.toolgate.server.invocation.LogBatches", "invocation log writer"},
    };

    /** How a context's samples split, by the innermost frame's prefix; the first match wins. */
    private static final String[][] CONTEXT_PARTS = {
        {"org.h2.", "H2 insert"},
        {"com.zaxxer.hikari.", "H2 insert"},
        {"org.springframework.jdbc.", "H2 insert"},
        {"dev.toolgate.server.invocation.PiiMasker", "PII masking of the preview"},
        {"java.util.regex.", "PII masking of the preview"},
        {"tools.jackson.", "record JSON"},
    };

    /** Toolgate stages by class (and for some classes method) name prefix; the first match wins. */
    private static final String[][] TOOLGATE_STAGES = {
        {"dev.toolgate.server.tenant.", "API-key lookup"},
        {"dev.toolgate.server.agent.AgentStore", "agent lookup"},
        {"dev.toolgate.server.tool.ToolStore.activeSigningSecrets", "signing-secret lookup"},
        {"dev.toolgate.server.tool.ToolStore", "tool lookup"},
        {"dev.toolgate.server.invocation.InvocationLog.record", "invocation log: queueing"},
        {"dev.toolgate.server.invocation.InvocationMetrics", "metrics (Micrometer)"},
        {"dev.toolgate.server.invocation.InvocationOut", "invoke answer"},
        {"dev.toolgate.server.invocation.", "invocation service (other)"},
        {"dev.toolgate.server.dataplane.", "data plane front (body and answer JSON)"},
        {"dev.toolgate.server.duplicate.", "duplicate-call reuse"},
        {"dev.toolgate.server.ratelimit.", "rate limits (Bucket4j)"},
        {"dev.toolgate.server.circuit.", "circuit breaker"},
        {"dev.toolgate.core.args.", "argument parse + schema validation"},
        {"dev.toolgate.core.render.", "rendering"},
        {"dev.toolgate.core.signing.", "signing (HMAC-SHA256)"},
        {"dev.toolgate.core.egress.", "egress policy"},
        {"dev.toolgate.core.exec.", "outbound call (OkHttp + TLS to endpoint)"},
        {"dev.toolgate.core.engine.", "engine (other)"},
        {"dev.toolgate.", "Toolgate (other)"},
    };

    /** Libraries, for stacks without a Toolgate frame; innermost match wins. */
    private static final String[][] LIBRARY_STAGES = {
        {"org.springframework.http.converter.", "request/response JSON (Spring message converters)"},
        {"tools.jackson.", "request/response JSON (Spring message converters)"},
        {"io.micrometer.", "metrics (Micrometer)"},
        {"org.springframework.boot.actuate.", "metrics (Micrometer)"},
        {"okhttp3.", "outbound call (OkHttp + TLS to endpoint)"},
        {"okio.", "outbound call (OkHttp + TLS to endpoint)"},
        {"org.h2.", "H2 (other)"},
        {"com.zaxxer.hikari.", "H2 (other)"},
        {"org.springframework.", "Spring MVC dispatch"},
        {"org.apache.catalina.", "Tomcat (HTTP parsing, I/O)"},
        {"org.apache.coyote.", "Tomcat (HTTP parsing, I/O)"},
        {"org.apache.tomcat.", "Tomcat (HTTP parsing, I/O)"},
        {"sun.security.ssl.", "TLS (other)"},
        {"java.util.concurrent.ForkJoin", "virtual-thread scheduling"},
        {"java.lang.VirtualThread", "virtual-thread scheduling"},
        {"jdk.internal.vm.Continuation", "virtual-thread scheduling"},
    };

    /**
     * Reads a recording.
     *
     * @param topN how many leaf methods to keep
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Profile read(Path jfr, int topN) {
        Map<String, Long> cpu = new HashMap<>();
        Map<String, Long> alloc = new HashMap<>();
        Map<String, Long> leaves = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        long pauses = 0;
        double pauseMillis = 0;
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        samples++;
                        cpu.merge(stage(event.getStackTrace()), 1L, Long::sum);
                        leaves.merge(leaf(event.getStackTrace()), 1L, Long::sum);
                    }
                    case "jdk.ObjectAllocationSample" -> {
                        long weight = event.getLong("weight");
                        allocated += weight;
                        alloc.merge(stage(event.getStackTrace()), weight, Long::sum);
                    }
                    case "jdk.GCPhasePause" -> {
                        pauses++;
                        pauseMillis += event.getDuration().toNanos() / 1e6;
                    }
                    default -> {}
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Double> top = shares(leaves, samples);
        Map<String, Double> topLimited = new LinkedHashMap<>();
        top.entrySet().stream().limit(topN).forEach(e -> topLimited.put(e.getKey(), e.getValue()));
        return new Profile(
                samples, shares(cpu, samples), allocated, shares(alloc, allocated), topLimited, pauses, pauseMillis);
    }

    static String stage(RecordedStackTrace trace) {
        if (trace == null) {
            return "(no stack)";
        }
        List<RecordedFrame> frames = trace.getFrames(); // leaf first
        String context = context(frames);
        if (context != null) {
            return context;
        }
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (name.startsWith("dev.toolgate.")) {
                for (String[] rule : TOOLGATE_STAGES) {
                    if (name.startsWith(rule[0])) {
                        return rule[1];
                    }
                }
            }
        }
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            for (String[] rule : LIBRARY_STAGES) {
                if (name.startsWith(rule[0])) {
                    return rule[1];
                }
            }
        }
        return "JDK / other";
    }

    /**
     * The context stage of a stack ({@link #CONTEXTS}, outermost frame first) with its part: the innermost frame
     * between the leaf and the context's frame that names a part ({@link #CONTEXT_PARTS}); null when the stack runs
     * in no context.
     */
    private static String context(List<RecordedFrame> frames) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            String name = name(frames.get(i));
            for (String[] rule : CONTEXTS) {
                if (name.startsWith(rule[0])) {
                    return rule[1] + ": " + part(frames.subList(0, i));
                }
            }
        }
        return null;
    }

    private static String part(List<RecordedFrame> inner) {
        for (RecordedFrame frame : inner) {
            String name = name(frame);
            for (String[] part : CONTEXT_PARTS) {
                if (name.startsWith(part[0])) {
                    return part[1];
                }
            }
        }
        return "other";
    }

    private static String leaf(RecordedStackTrace trace) {
        return trace == null || trace.getFrames().isEmpty()
                ? "(no stack)"
                : name(trace.getFrames().get(0));
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }

    private static Map<String, Double> shares(Map<String, Long> counts, long total) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
        Map<String, Double> shares = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry : entries) {
            shares.put(entry.getKey(), total == 0 ? 0 : entry.getValue() / (double) total);
        }
        return shares;
    }
}
