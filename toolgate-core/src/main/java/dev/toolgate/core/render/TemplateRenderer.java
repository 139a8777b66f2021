package dev.toolgate.core.render;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.tool.TemplateSyntax;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Objects;
import java.util.regex.Matcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills in the placeholders of a header or query template ({@link TemplateSyntax}):
 *
 * <ul>
 *   <li>{@code {{call_id}}}, {@code {{agent_id}}}, {@code {{tenant_id}}} from the {@link CallContext};
 *       {@code {{caller_number}}} too, empty when the number is unknown;</li>
 *   <li>{@code {{args.NAME}}}: the argument's text ({@link #argumentText}); empty when missing or null;</li>
 *   <li>{@code {{vars.NAME}}}: the call variable; empty when not set;</li>
 *   <li>{@code {{secrets.NAME}}}: the tenant's secret from the {@link SecretResolver}; a missing secret is a
 *       {@link RenderException} naming the secret (never a value).</li>
 * </ul>
 *
 * Text outside placeholders is copied as is. The output is not escaped: the caller encodes it for where it
 * goes (OkHttp percent-encodes query values; header values are checked for control characters). Thread-safe
 * if the resolver is.
 */
public final class TemplateRenderer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretResolver secrets;

    /**
     * Creates a renderer that resolves {@code {{secrets.NAME}}} with {@code secrets}.
     *
     * @param secrets the tenant secret store
     */
    public TemplateRenderer(SecretResolver secrets) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /**
     * Renders one template.
     *
     * @param template the raw value from the tool, e.g. {@code Bearer {{secrets.crm_token}}}
     * @param call the call the tool call belongs to; secrets are looked up for its tenant
     * @param arguments the model's validated arguments (an object)
     * @return the value with every placeholder replaced
     * @throws RenderException {@code HTTP_TOOL_INTERNAL} when a referenced secret is not set for the tenant,
     *     or when a placeholder holds an expression the template language does not know (the tool parser
     *     rejects those at save time)
     */
    public String render(String template, CallContext call, JsonNode arguments) {
        return render(template, call, arguments, new ArrayList<>());
    }

    /**
     * Renders one template and reports the tenant secrets it inserted, so that they can be masked wherever the
     * request or an echo of it is shown ({@link SecretValues}).
     *
     * @param template the raw value from the tool
     * @param call the call the tool call belongs to
     * @param arguments the model's validated arguments (an object)
     * @param insertedSecrets receives the value of each {@code {{secrets.NAME}}} placeholder filled in
     * @return the value with every placeholder replaced
     * @throws RenderException as {@link #render(String, CallContext, JsonNode)}
     */
    public String render(String template, CallContext call, JsonNode arguments, Collection<String> insertedSecrets) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(insertedSecrets, "insertedSecrets");
        Matcher matcher = TemplateSyntax.PLACEHOLDER.matcher(template);
        return matcher.replaceAll(
                match -> Matcher.quoteReplacement(valueOf(match.group(1), call, arguments, insertedSecrets)));
    }

    private String valueOf(
            String expression, CallContext call, JsonNode arguments, Collection<String> insertedSecrets) {
        if (!TemplateSyntax.EXPRESSION.matcher(expression).matches()) {
            throw new RenderException(ToolError.of(
                    ErrorCode.HTTP_TOOL_INTERNAL,
                    "the tool's template {{" + expression + "}} is not valid; fix the tool's configuration"));
        }
        return switch (expression) {
            case "call_id" -> call.callId();
            case "caller_number" -> call.callerNumber() == null ? "" : call.callerNumber();
            case "agent_id" -> call.agentId().toString();
            case "tenant_id" -> call.tenantId().toString();
            default -> namedValue(expression, call, arguments, insertedSecrets);
        };
    }

    private String namedValue(
            String expression, CallContext call, JsonNode arguments, Collection<String> insertedSecrets) {
        int dot = expression.indexOf('.');
        String namespace = expression.substring(0, dot);
        String name = expression.substring(dot + 1);
        return switch (namespace) {
            case "args" -> argumentText(arguments.get(name));
            case "vars" -> call.variables().getOrDefault(name, "");
            case "secrets" -> {
                String value = secrets.resolve(call.tenantId(), name)
                        .orElseThrow(() -> new RenderException(ToolError.of(
                                ErrorCode.HTTP_TOOL_INTERNAL,
                                "the tool uses the secret '" + name
                                        + "', which is not set for this tenant; add it to the tenant's secrets")));
                insertedSecrets.add(value);
                yield value;
            }
            default -> throw new IllegalStateException("TemplateSyntax.EXPRESSION allows no namespace " + namespace);
        };
    }

    /**
     * Returns an argument value as text for a template or a query parameter: a string as is (no quotes),
     * a number or boolean as its JSON text ({@code 2.5}, {@code true}), an object or array as compact JSON
     * (UTF-8 characters kept), and {@code ""} for a missing value or JSON null.
     *
     * @param value an argument value, or null when the argument is absent
     */
    public static String argumentText(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isString()) {
            return value.stringValue();
        }
        return JSON.writeValueAsString(value);
    }
}
