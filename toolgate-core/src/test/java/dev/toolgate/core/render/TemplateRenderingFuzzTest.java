package dev.toolgate.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.toolgate.core.egress.EgressPolicy;
import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.TemplateSyntax;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolLimits;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import okhttp3.HttpUrl;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzz tests of template rendering (docs/fuzzing.md): header and query templates, call variables and model
 * arguments all come from the fuzz input.
 *
 * <p>Invariants: rendering throws nothing but {@link RenderException} (with {@code HTTP_TOOL_INVALID_ARGS} or
 * {@code HTTP_TOOL_INTERNAL}, never echoing a secret); text without a placeholder comes out unchanged and a
 * placeholder's value is never expanded again; for any tool the parser accepts, the rendered request goes to
 * the stored URL's scheme, host and port whatever the arguments say, passes the egress syntax check the
 * executor applies, and carries no header value with a control character.
 */
class TemplateRenderingFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID TENANT = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final UUID AGENT = UUID.fromString("22222222-2222-4222-8222-222222222222");
    private static final String SECRET_VALUE = "sv-SECRET-9";
    private static final SecretResolver SECRETS =
            (tenant, name) -> name.equals("k") ? Optional.of(SECRET_VALUE) : Optional.empty();
    private static final ToolDefinitionParser PARSER = new ToolDefinitionParser(ToolLimits.ofDefaults());
    private static final RequestRenderer RENDERER = new RequestRenderer(SECRETS, "Toolgate/fuzz");
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"};

    @FuzzTest(maxDuration = "2m")
    @DictionaryEntries({"{{", "}}", "{{args.a}}", "{{ args.b }}", "{{vars.v}}", "{{secrets.k}}", "{{call_id}}"})
    void rendersATemplateOrRefusesItCleanly(FuzzedDataProvider data) {
        String template = data.consumeString(200);
        CallContext call = call(data);
        ObjectNode arguments = arguments(data);

        String rendered;
        try {
            rendered = new TemplateRenderer(SECRETS).render(template, call, arguments);
        } catch (RenderException e) {
            assertThat(e.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INTERNAL);
            assertThat(e.getMessage()).isNotBlank().doesNotContain(SECRET_VALUE);
            // an invalid template (the parser refuses those at save time), or a secret the tenant has not set
            assertThat(!TemplateSyntax.problems(template).isEmpty() || TemplateSyntax.usesSecret(template))
                    .as(e.getMessage())
                    .isTrue();
            return;
        }
        if (!template.contains("{{")) {
            assertThat(rendered).isEqualTo(template);
        }
        if (template.equals("{{args.a}}")) {
            assertThat(rendered).isEqualTo(TemplateRenderer.argumentText(arguments.get("a")));
        }
    }

    @FuzzTest(maxDuration = "2m")
    @DictionaryEntries({"{{args.a}}", "{{vars.v}}", "{{secrets.k}}", "{{caller_number}}", "%2F", "%0D%0A", "@", "#"})
    void rendersEveryAcceptedToolToItsOwnHost(FuzzedDataProvider data) {
        ObjectNode config = JSON.createObjectNode();
        config.put("url", "https://api.example.com:8443/v1/" + data.consumeString(40));
        config.put("method", METHODS[data.consumeInt(0, METHODS.length - 1)]);
        config.put("body_mode", data.consumeBoolean() ? "arguments" : "envelope");
        ArrayNode headers = config.putArray("headers");
        headers.addObject().put("key", "X-" + data.consumeString(10)).put("value", data.consumeString(80));
        ArrayNode query = config.putArray("query_params");
        query.addObject().put("key", data.consumeString(10)).put("value", data.consumeString(80));
        if (data.consumeBoolean()) {
            config.putObject("auth").put("type", "bearer").put("token", data.consumeString(60));
        }
        ObjectNode body = JSON.createObjectNode()
                .put("name", "fuzz_tool")
                .put("description", "A tool built by the fuzzer.")
                .put("tool_type", "http_request");
        body.set("config", config);
        CallContext call = call(data);
        ObjectNode arguments = arguments(data);

        if (!(PARSER.parse(body) instanceof ParseResult.Valid valid)) {
            return;
        }
        HttpRequestConfig stored = (HttpRequestConfig) valid.definition().config();
        Tool tool = new Tool(UUID.randomUUID(), TENANT, AGENT, valid.definition(), Instant.EPOCH, Instant.EPOCH);
        RenderedRequest request;
        try {
            request = RENDERER.render(tool, arguments, call, "inv_fuzz", Instant.EPOCH);
        } catch (RenderException e) {
            assertThat(e.error().code()).isIn(ErrorCode.HTTP_TOOL_INVALID_ARGS, ErrorCode.HTTP_TOOL_INTERNAL);
            assertThat(e.getMessage()).isNotBlank().doesNotContain(SECRET_VALUE);
            return;
        }
        HttpUrl base = HttpUrl.get(stored.url());
        assertThat(request.url().scheme()).isEqualTo("https");
        assertThat(request.url().host()).isEqualTo(base.host()).isEqualTo("api.example.com");
        assertThat(request.url().port()).isEqualTo(8443);
        assertThat(request.url().fragment()).isNull();
        assertThat(EgressPolicy.checkSyntax(request.url().toString()).allowed())
                .as("the rendered URL %s passes the executor's check", request.url())
                .isTrue();
        for (int i = 0; i < request.headers().size(); i++) {
            String value = request.headers().value(i);
            assertThat(value.chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f))
                    .as("header %s", request.headers().name(i))
                    .isTrue();
        }
        assertThat(request.maskedHeaders().toString()).doesNotContain(SECRET_VALUE);
    }

    private static CallContext call(FuzzedDataProvider data) {
        String caller = data.consumeBoolean() ? null : data.consumeString(20);
        return new CallContext(data.consumeString(20), caller, TENANT, AGENT, Map.of("v", data.consumeString(40)));
    }

    private static ObjectNode arguments(FuzzedDataProvider data) {
        ObjectNode arguments = JSON.createObjectNode();
        arguments.put("a", data.consumeString(100));
        switch (data.consumeInt(0, 3)) {
            case 0 -> arguments.put("b", data.consumeLong());
            case 1 -> arguments.put("b", data.consumeDouble());
            case 2 -> arguments.putArray("b").add(data.consumeString(20)).add(data.consumeBoolean());
            default -> arguments.putNull("b");
        }
        return arguments;
    }
}
