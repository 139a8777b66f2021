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

    /** Toolgate stages by class (and for some classes method) name prefix; the first match wins. */
    private static final String[][] TOOLGATE_STAGES = {
        {"dev.toolgate.server.tenant.", "API-key lookup (SHA-256 + SQL per request)"},
        {"dev.toolgate.server.agent.AgentStore", "agent lookup (SQL per request)"},
        {"dev.toolgate.server.tool.ToolStore.findByName", "tool lookup (SQL per request)"},
        {"dev.toolgate.server.tool.ToolStore.activeSigningSecrets", "signing-secret lookup (SQL per request)"},
        {"dev.toolgate.server.tool.ToolStore", "tool lookup (SQL per request)"},
        {"dev.toolgate.server.invocation.InvocationLog.record", "invocation log: queueing"},
        {"dev.toolgate.server.invocation.", "invocation log: writer (H2 batch insert)"},
        {"dev.toolgate.server.invocation.InvocationService.count", "metrics (Micrometer timer lookup)"},
        {"dev.toolgate.server.invocation.InvocationService.response", "invoke answer (JSON tree)"},
        {"dev.toolgate.server.invocation.InvocationService", "invocation record (JSON + copies)"},
        {"dev.toolgate.server.invocation.InvocationController", "invoke request parsing"},
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
