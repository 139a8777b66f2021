package dev.toolgate.server.invocation;

import dev.toolgate.core.render.CallContext;
import dev.toolgate.core.tool.FieldError;
import dev.toolgate.server.api.ApiErrorCode;
import dev.toolgate.server.api.ApiException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The live call a tool call belongs to, as the voice runtime sends it in {@code call}: its values fill
 * {@code {{call.*}}} templates and headers (docs/request-response.md).
 *
 * @param id the call's id, at most {@value CallContext#MAX_ID_CHARS} characters; absent: no call id (and no
 *     duplicate-call reuse)
 * @param callerNumber the caller's number, at most {@value CallContext#MAX_ID_CHARS} characters, or null
 * @param variables call variables by name; a value that is not a JSON string is used as its JSON text
 */
@Schema(name = "CallIn", description = "The live call: its id, the caller's number and the call's variables.")
public record CallIn(
        @Schema(
                description = "The call's id; repeats of a tool call are recognised within one call.",
                example = "call-7f3a")
        @Size(max = CallContext.MAX_ID_CHARS, message = "must be at most {max} characters")
        String id,

        @Schema(description = "The caller's number, E.164 where known.", example = "+14155550123")
        @Size(max = CallContext.MAX_ID_CHARS, message = "must be at most {max} characters")
        String callerNumber,

        @Schema(
                description = "Call variables for {{call.variables.NAME}} templates; non-string values are used as"
                        + " their JSON text.",
                example = "{\"customer_tier\": \"gold\"}")
        Map<String, JsonNode> variables) {

    private static final String LINE_BREAK_OR_NUL = "must not contain CR, LF or NUL";

    /**
     * The call context of a request; {@code call} may be null (no call: empty id, no caller number, no variables).
     *
     * @param call the body's {@code call}, or null
     * @param tenantId the authenticated tenant
     * @param agentId the agent of the path
     * @return the context the engine renders with
     * @throws ApiException 400 {@code invalid_call_context} naming every id, number or variable (name or value) that
     *     holds a CR, LF or NUL: these values go into headers and templates, where a line break would split a header
     *     (docs/errors.md)
     */
    public static CallContext toContext(CallIn call, UUID tenantId, UUID agentId) {
        if (call == null) {
            return new CallContext("", null, tenantId, agentId, Map.of());
        }
        List<FieldError> unsafe = new ArrayList<>();
        check(call.id, "call.id", unsafe);
        check(call.callerNumber, "call.caller_number", unsafe);
        Map<String, String> variables = new LinkedHashMap<>();
        if (call.variables != null) {
            for (Map.Entry<String, JsonNode> entry : call.variables.entrySet()) {
                String name = entry.getKey();
                if (hasLineBreakOrNul(name)) {
                    unsafe.add(new FieldError("call.variables", "a variable name " + LINE_BREAK_OR_NUL));
                    continue;
                }
                JsonNode value = entry.getValue();
                String text = value == null || value.isNull()
                        ? "null"
                        : value.isString() ? value.asString() : value.toString();
                check(text, "call.variables." + name, unsafe);
                variables.put(name, text);
            }
        }
        if (!unsafe.isEmpty()) {
            throw new ApiException(
                    ApiErrorCode.INVALID_CALL_CONTEXT,
                    "The call context has a line break or NUL in "
                            + unsafe.getFirst().field()
                            + (unsafe.size() > 1 ? " and " + (unsafe.size() - 1) + " more field(s)" : ""),
                    unsafe);
        }
        return new CallContext(call.id == null ? "" : call.id, call.callerNumber, tenantId, agentId, variables);
    }

    private static void check(String value, String field, List<FieldError> unsafe) {
        if (value != null && hasLineBreakOrNul(value)) {
            unsafe.add(new FieldError(field, LINE_BREAK_OR_NUL));
        }
    }

    private static boolean hasLineBreakOrNul(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0;
    }
}
