package dev.toolgate.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.egress.AllowlistEntry;
import dev.toolgate.core.egress.EgressPolicy;
import dev.toolgate.core.engine.Invocation;
import dev.toolgate.core.engine.InvocationOutcome;
import dev.toolgate.core.engine.ToolEngine;
import dev.toolgate.core.exec.ExecutionResult;
import dev.toolgate.core.exec.ExecutorConfig;
import dev.toolgate.core.exec.HttpExecutor;
import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.render.RenderedRequest;
import dev.toolgate.core.render.RequestRenderer;
import dev.toolgate.core.render.SecretResolver;
import dev.toolgate.core.signing.SigningSecret;
import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.SignatureScheme;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolLimits;
import dev.toolgate.testkit.LoopbackTls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's engine calls each language's example endpoint, started as a child process on 127.0.0.1 behind a
 * loopback TLS relay: every example accepts the real signed request (envelope POST and arguments-mode GET, both
 * signature schemes) and answers with a hint, and rejects a copy with one byte of the body or query changed with 401
 * and the documented error shape (docs/best-practices.md) {@code {"error": ..., "hint": ...}}.
 */
class ExamplesEndToEndIntegrationTest {

    private static final Path EXAMPLES = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target", "e2e").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LoopbackTls TLS = LoopbackTls.create("Toolgate e2e test CA");
    private static final String SHIPPED = "Tell the caller order A-1001 is shipped and should arrive Friday.";
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID AGENT = UUID.randomUUID();

    /** Each example and how to start it; {port} is the loopback port it must listen on. */
    enum Language {
        NODE("node", List.of("node", "server.mjs")),
        PYTHON("python", List.of("python3", "server.py")),
        PHP("php", List.of("php", "-S", "127.0.0.1:{port}", "server.php")),
        GO("go", List.of(WORK.resolve("go-example").toString())),
        JAVA(
                "java",
                List.of(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.toolgate.examples.OrderEndpoint"));

        final String directory;
        final List<String> command;

        Language(String directory, List<String> command) {
            this.directory = directory;
            this.command = command;
        }
    }

    @BeforeAll
    static void buildTheGoExample() throws Exception {
        if (!onPath("go")) {
            return; // the Go cases are skipped (or fail under CI=true) in requireRuntime
        }
        ProcessBuilder build = new ProcessBuilder(
                        "go", "build", "-o", WORK.resolve("go-example").toString(), ".")
                .directory(EXAMPLES.resolve("go").toFile())
                .inheritIO();
        // Standard library only: nothing may be downloaded.
        build.environment().putAll(Map.of("GOFLAGS", "-mod=mod", "GOPROXY", "off", "GOTOOLCHAIN", "local"));
        assertThat(build.start().waitFor()).as("go build of examples/go").isZero();
    }

    static Stream<Arguments> examples() {
        List<Arguments> cases = new ArrayList<>();
        for (Language language : Language.values()) {
            for (SignatureScheme scheme : SignatureScheme.values()) {
                cases.add(Arguments.of(language, scheme));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("examples")
    void theGatewaysRequestIsAcceptedAndATamperedCopyRejected(Language language, SignatureScheme scheme)
            throws Exception {
        requireRuntime(language);
        SigningSecret secret = SigningSecret.generate(scheme);
        String token = "tok_" + UUID.randomUUID();
        Map<String, String> environment = Map.of(
                "TOOLGATE_SIGNING_SECRETS",
                secret.reveal(),
                "TOOLGATE_BEARER_TOKEN",
                token,
                "TOOLGATE_SIGNATURE_SCHEME",
                scheme.wireName(),
                "PYTHONDONTWRITEBYTECODE",
                "1");
        try (ExampleProcess example = ExampleProcess.start(
                        language + "-" + scheme.wireName(),
                        EXAMPLES.resolve(language.directory),
                        language.command,
                        environment,
                        WORK);
                TlsRelay relay = TlsRelay.start(TLS.serverCertificates().sslContext(), example.port())) {
            EgressPolicy egress = EgressPolicy.builder()
                    .allowlist(AllowlistEntry.parseList("127.0.0.1:" + relay.port()))
                    .build();
            try (HttpExecutor executor = new HttpExecutor(
                    ExecutorConfig.builder()
                            .extraTrustedCertificates(List.of(TLS.caCertificate()))
                            .build(),
                    egress)) {
                ToolEngine engine = new ToolEngine(
                        executor,
                        egress,
                        new RequestRenderer(SecretResolver.NONE, "Toolgate/e2e"),
                        InstantSource.system());

                InvocationOutcome envelope =
                        engine.invoke(invocation(tool(relay.port(), "POST", "envelope", scheme, token), secret));
                assertAnswered(envelope, example);
                assertRejected(
                        executor,
                        withBody(
                                envelope.request(),
                                envelope.request().bodyText().replace("A-1001", "A-1002")),
                        example);
                assertThat(executor.execute(envelope.request(), Duration.ofSeconds(5), 65_536))
                        .as("the untampered copy, replayed the same way, is accepted")
                        .isInstanceOf(ExecutionResult.Success.class);

                InvocationOutcome query =
                        engine.invoke(invocation(tool(relay.port(), "GET", "arguments", scheme, token), secret));
                assertAnswered(query, example);
                RenderedRequest sent = query.request();
                assertThat(sent.body()).isNull();
                assertRejected(
                        executor,
                        withUrl(
                                sent,
                                sent.url()
                                        .newBuilder()
                                        .setQueryParameter("order_id", "A-1002")
                                        .build()),
                        example);
            }
        }
    }

    private static void assertAnswered(InvocationOutcome outcome, ExampleProcess example) {
        assertThat(outcome.ok())
                .as("%s%nexample's output:%n%s", outcome.content(), example.output())
                .isTrue();
        assertThat(outcome.httpStatus()).isEqualTo(200);
        assertThat(JSON.readTree(outcome.content()).get("hint").asString()).isEqualTo(SHIPPED);
    }

    private static void assertRejected(HttpExecutor executor, RenderedRequest tampered, ExampleProcess example) {
        ExecutionResult result = executor.execute(tampered, Duration.ofSeconds(5), 65_536);
        assertThat(result).as("example's output:%n%s", example.output()).isInstanceOf(ExecutionResult.Failure.class);
        ExecutionResult.Failure failure = (ExecutionResult.Failure) result;
        assertThat(failure.httpStatus()).as(failure.toString()).isEqualTo(401);
        JsonNode body = JSON.readTree(failure.body());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("error", "hint");
        assertThat(body.get("hint").asString()).isNotBlank();
    }

    private static RenderedRequest withBody(RenderedRequest request, String body) {
        assertThat(body).isNotEqualTo(request.bodyText());
        return RenderedRequest.builder(request.method(), request.url())
                .headers(request.headers())
                .body(body.getBytes(StandardCharsets.UTF_8))
                .contentType(request.contentType())
                .sensitiveHeaders(request.sensitiveHeaders())
                .sensitiveQueryParams(request.sensitiveQueryParams())
                .build();
    }

    private static RenderedRequest withUrl(RenderedRequest request, okhttp3.HttpUrl url) {
        assertThat(url).isNotEqualTo(request.url());
        return RenderedRequest.builder(request.method(), url)
                .headers(request.headers())
                .body(request.body())
                .contentType(request.contentType())
                .sensitiveHeaders(request.sensitiveHeaders())
                .sensitiveQueryParams(request.sensitiveQueryParams())
                .build();
    }

    private static Tool tool(int port, String method, String bodyMode, SignatureScheme scheme, String token) {
        String json = """
                {"name": "lookup_order", "description": "Looks up an order by its number", "tool_type": "http_request",
                 "parameters": {"type": "object", "properties": {"order_id": {"type": "string"}}, "required": ["order_id"]},
                 "config": {"url": "https://127.0.0.1:%d/v1/orders", "method": "%s", "body_mode": "%s",
                            "signature_scheme": "%s", "auth": {"type": "bearer", "token": "%s"}}}
                """.formatted(port, method, bodyMode, scheme.wireName(), token);
        ParseResult result = new ToolDefinitionParser(ToolLimits.ofDefaults()).parse(JSON.readTree(json));
        assertThat(result).isInstanceOf(ParseResult.Valid.class);
        Instant now = Instant.now();
        return new Tool(UUID.randomUUID(), TENANT, AGENT, ((ParseResult.Valid) result).definition(), now, now);
    }

    private static Invocation invocation(Tool tool, SigningSecret secret) {
        return new Invocation(
                UUID.randomUUID().toString(),
                tool,
                List.of(secret),
                JSON.readTree("{\"order_id\": \"A-1001\"}"),
                "call_e2e",
                new CallContext("call-e2e", "+14155550123", TENANT, AGENT, Map.of()));
    }

    /**
     * Skips the case, saying why, when the example's runtime ({@code php}, {@code go}, ...) is not on the PATH; under
     * {@code CI=true} fails it instead. scripts/setup installs every runtime, so scripts/test runs every case.
     */
    private static void requireRuntime(Language language) {
        String runtime = language == Language.GO ? "go" : language.command.get(0);
        if (language == Language.JAVA || onPath(runtime)) {
            return;
        }
        String message = "examples: SKIPPED the " + language + " end-to-end case: " + runtime
                + " is not on the PATH (scripts/setup installs it)";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message + "; CI=true, so this fails");
        }
        System.out.println(message + ". Set CI=true to make this an error.");
        Assumptions.abort(message);
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
