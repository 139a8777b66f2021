package dev.toolgate.bench;

import dev.toolgate.core.args.ArgumentParseResult;
import dev.toolgate.core.args.ArgumentParser;
import dev.toolgate.core.args.ArgumentValidator;
import dev.toolgate.core.egress.AllowlistEntry;
import dev.toolgate.core.egress.EgressDecision;
import dev.toolgate.core.egress.EgressPolicy;
import dev.toolgate.core.engine.Invocation;
import dev.toolgate.core.engine.TestFireResult;
import dev.toolgate.core.engine.ToolEngine;
import dev.toolgate.core.exec.ExecutorConfig;
import dev.toolgate.core.exec.HttpExecutor;
import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.render.RenderedRequest;
import dev.toolgate.core.render.RequestRenderer;
import dev.toolgate.core.render.SecretResolver;
import dev.toolgate.core.signing.RequestSigner;
import dev.toolgate.core.signing.SigningSecret;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.SignatureScheme;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolLimits;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Item 4: CPU time per invocation of the core's hot path without I/O, on every BFCL tool that has a valid call
 * (each operation takes the next call of the mix, so schema sizes vary as in the data). One thread, average time
 * per operation; run with JMH's GC profiler for bytes allocated per operation.
 *
 * <ul>
 *   <li>{@code validate}: {@link ArgumentParser#parse} + {@link ArgumentValidator#validate} (schemas precompiled,
 *       as the engine caches them);
 *   <li>{@code render}: {@link RequestRenderer#render} of the parsed arguments;
 *   <li>{@code sign}: {@link RequestSigner#sign} of the rendered request (Toolgate scheme, one secret);
 *   <li>{@code egress}: {@link EgressPolicy#checkUrl}, the engine's pre-flight decision on the tool URL;
 *   <li>{@code pipeline}: {@link ToolEngine#testFire} with {@code dryRun}: all of the above as the engine chains
 *       them (plus the dry run's address decision on the IP literal; no DNS, nothing sent);
 *   <li>{@code invalidArgs}: the engine on BFCL's invalid calls, up to the {@code HTTP_TOOL_INVALID_ARGS} answer.
 * </ul>
 *
 * <p>The BFCL folder comes from the system property {@code toolgate.bfcl} (default {@code data/bfcl}); the system
 * property {@value #LIMIT_PROPERTY} limits the mix to the first N tools (the smoke test's short run).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotPathBenchmark {

    /** The endpoint URL prefix of every benchmark tool: an allowlisted loopback literal that is never dialled. */
    static final String URL_PREFIX = "https://127.0.0.1:8443/tools/";

    /** The system property limiting the mix to the first N BFCL tools; 0 or absent: all. */
    static final String LIMIT_PROPERTY = "toolgate.bench.tools";

    private static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID AGENT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    /** One BFCL call ready to run. */
    record Case(
            Tool tool,
            ArgumentValidator validator,
            JsonNode raw,
            ObjectNode arguments,
            Invocation invocation,
            RenderedRequest rendered) {}

    private final List<SigningSecret> secrets = List.of(SigningSecret.generate(SignatureScheme.TOOLGATE));
    private final CallContext call = new CallContext("call-bench", "+14155550123", TENANT, AGENT, Map.of());
    private final Instant now = Instant.parse("2025-06-03T10:30:00Z");
    private EgressPolicy egress;
    private RequestRenderer renderer;
    private HttpExecutor executor;
    private ToolEngine engine;
    private Case[] valid;
    private Invocation[] invalid;
    private int next;
    private int nextInvalid;

    /** Loads the BFCL data and prepares every case. */
    @Setup(Level.Trial)
    public void setUp() {
        Bfcl bfcl = Bfcl.load(Path.of(System.getProperty("toolgate.bfcl", "data/bfcl")));
        egress = EgressPolicy.builder()
                .allowlist(AllowlistEntry.parseList("127.0.0.1:8443"))
                .build();
        renderer = new RequestRenderer(SecretResolver.NONE, "Toolgate/bench");
        executor = new HttpExecutor(ExecutorConfig.ofDefaults(), egress);
        engine = new ToolEngine(executor, egress, renderer, InstantSource.fixed(now));
        ToolDefinitionParser parser = new ToolDefinitionParser(ToolLimits.ofDefaults());
        Map<String, Tool> tools = new HashMap<>();
        Map<String, ArgumentValidator> validators = new HashMap<>();
        int limit = Integer.getInteger(LIMIT_PROPERTY, 0);
        for (JsonNode line :
                limit > 0 ? bfcl.tools().subList(0, Math.min(limit, bfcl.tools().size())) : bfcl.tools()) {
            ObjectNode definition = Bfcl.JSON.createObjectNode();
            definition.put("name", line.get("name").asString());
            definition.put("description", line.get("description").asString());
            definition.put("tool_type", "http_request");
            definition.set("parameters", line.get("parameters"));
            definition
                    .putObject("config")
                    .put("url", URL_PREFIX + line.get("name").asString())
                    .put("method", "POST")
                    .put("body_mode", "arguments")
                    .putObject("auth")
                    .put("type", "bearer")
                    .put("token", "t0ken");
            if (parser.parse(definition) instanceof ParseResult.Valid parsed) {
                Tool tool = new Tool(
                        UUID.nameUUIDFromBytes(line.get("name").asString().getBytes()),
                        TENANT,
                        AGENT,
                        parsed.definition(),
                        now,
                        now);
                tools.put(tool.name(), tool);
                validators.put(
                        tool.name(), ArgumentValidator.compile(tool.definition().parameters()));
            }
        }
        List<Case> cases = new ArrayList<>();
        for (JsonNode line : bfcl.calls()) {
            Tool tool = tools.get(line.get("tool").asString());
            if (tool == null
                    || !(ArgumentParser.parse(line.get("arguments")) instanceof ArgumentParseResult.Parsed parsed)
                    || !validators.get(tool.name()).validate(parsed.arguments()).isEmpty()) {
                continue;
            }
            String id = UUID.randomUUID().toString();
            RenderedRequest rendered = renderer.render(tool, parsed.arguments(), call, id, now);
            cases.add(new Case(
                    tool,
                    validators.get(tool.name()),
                    line.get("arguments"),
                    parsed.arguments(),
                    Invocation.builder(id, tool, call)
                            .signingSecrets(secrets)
                            .rawArguments(line.get("arguments"))
                            .toolCallId("tc-1")
                            .build(),
                    rendered));
        }
        valid = cases.toArray(Case[]::new);
        invalid = bfcl.invalidCalls().stream()
                .filter(line -> tools.containsKey(line.get("tool").asString()))
                .filter(line ->
                        !(ArgumentParser.parse(line.get("arguments")) instanceof ArgumentParseResult.Parsed parsed)
                                || !validators
                                        .get(line.get("tool").asString())
                                        .validate(parsed.arguments())
                                        .isEmpty())
                .map(line -> Invocation.builder(
                                UUID.randomUUID().toString(),
                                tools.get(line.get("tool").asString()),
                                call)
                        .signingSecrets(secrets)
                        .rawArguments(line.get("arguments"))
                        .toolCallId("tc-1")
                        .build())
                .toArray(Invocation[]::new);
        if (valid.length == 0 || invalid.length == 0) {
            throw new IllegalStateException("no BFCL cases loaded");
        }
    }

    /** Closes the executor (nothing was sent through it). */
    @TearDown(Level.Trial)
    public void tearDown() {
        executor.close();
    }

    /** Returns how many valid and invalid cases are in the mix. */
    int[] sizes() {
        return new int[] {valid.length, invalid.length};
    }

    private Case nextCase() {
        Case c = valid[next];
        next = next + 1 == valid.length ? 0 : next + 1;
        return c;
    }

    /** Argument parsing and schema validation. */
    @Benchmark
    public Object validate() {
        Case c = nextCase();
        ArgumentParseResult parsed = ArgumentParser.parse(c.raw());
        return c.validator().validate(((ArgumentParseResult.Parsed) parsed).arguments());
    }

    /** Rendering the request. */
    @Benchmark
    public RenderedRequest render() {
        Case c = nextCase();
        return renderer.render(c.tool(), c.arguments(), call, c.invocation().invocationId(), now);
    }

    /** Signing the rendered request. */
    @Benchmark
    public RenderedRequest sign() {
        Case c = nextCase();
        return RequestSigner.sign(
                c.rendered(),
                SignatureScheme.TOOLGATE,
                secrets,
                now.getEpochSecond(),
                c.invocation().invocationId());
    }

    /** The pre-flight egress decision on the tool's URL. */
    @Benchmark
    public EgressDecision egress() {
        Case c = nextCase();
        return egress.checkUrl(((HttpRequestConfig) c.tool().definition().config()).url());
    }

    /** The whole engine path without I/O (a dry-run test fire). */
    @Benchmark
    public TestFireResult pipeline() {
        return engine.testFire(arrivingNow(nextCase().invocation()), true);
    }

    /** The engine on an invalid call, up to the error answer. */
    @Benchmark
    public Object invalidArgs() {
        Invocation invocation = invalid[nextInvalid];
        nextInvalid = nextInvalid + 1 == invalid.length ? 0 : nextInvalid + 1;
        return engine.invoke(arrivingNow(invocation));
    }

    /** The invocation as if its request arrived now: a call's budget counts from its arrival. */
    private static Invocation arrivingNow(Invocation invocation) {
        return Invocation.builder(invocation.invocationId(), invocation.tool(), invocation.call())
                .signingSecrets(invocation.signingSecrets())
                .rawArguments(invocation.rawArguments())
                .toolCallId(invocation.toolCallId())
                .arrivedAtNanos(System.nanoTime())
                .build();
    }
}
