package dev.toolgate.server.invocation;

import dev.toolgate.core.render.CallContext;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/agents/{agentId}/invocations}: one tool call of the model. Fields the API does not
 * know are ignored (voice runtimes send their own).
 *
 * @param tool the function name the model called; required, not blank
 * @param arguments the model's arguments: a JSON object, or the JSON text of one as OpenAI sends it; null or absent
 *     is an empty object to the engine, whose schema check answers {@code HTTP_TOOL_INVALID_ARGS} when fields are
 *     required
 * @param toolCallId the model's tool-call id, echoed in the answer; at most {@value CallContext#MAX_ID_CHARS}
 *     characters
 * @param call the live call, or null
 */
@Schema(name = "InvokeIn", description = "One tool call of the model.")
public record InvokeIn(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The function name the model called.",
                example = "lookup_order")
        @NotBlank(message = "is required")
        String tool,

        @Schema(
                description = "The model's arguments: an object, or its JSON text as OpenAI sends it.",
                example = "{\"order_id\": \"A-1042\"}")
        JsonNode arguments,

        @Schema(description = "The model's tool-call id, echoed in the answer.", example = "call_abc123")
        @Size(max = CallContext.MAX_ID_CHARS, message = "must be at most {max} characters")
        String toolCallId,

        @Valid CallIn call) {}
