package dev.toolgate.server.tool;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The answer of {@code GET /v1/agents/{agentId}/functions}: the agent's enabled tools as function descriptors of one
 * LLM API, lowest priority first.
 *
 * @param format the format's wire name: {@code openai}, {@code anthropic}, {@code gemini}, or a voice platform's
 *     ({@code vapi}, {@code retell}, {@code elevenlabs}; docs/platforms.md)
 * @param tools one descriptor per enabled tool, in that API's own shape
 */
@Schema(name = "FunctionsOut", description = "The enabled tools as function descriptors of one LLM API.")
record FunctionsOut(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "openai")
        String format,

        @ArraySchema(
                arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED),
                schema =
                        @Schema(
                                implementation = Object.class,
                                types = {"object"},
                                description = "A descriptor: OpenAI {type: function, function: {name, description,"
                                        + " parameters}}; Anthropic {name, description,"
                                        + " input_schema}; Gemini {name, description, parameters}; or a voice"
                                        + " platform's tool pointing at its Toolgate adapter (docs/platforms.md).",
                                example = "{\"type\": \"function\", \"function\": {\"name\": \"lookup_customer\","
                                        + " \"description\": \"Looks up a customer by phone number\","
                                        + " \"parameters\": {\"type\": \"object\", \"properties\":"
                                        + " {\"phone\": {\"type\": \"string\"}}, \"required\":"
                                        + " [\"phone\"]}}}"))
        List<JsonNode> tools) {}
