package dev.toolgate.server.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer to a Vapi {@code tool-calls} server message (Vapi server SDK: {@code ServerMessageResponseToolCalls}):
 * one result per tool call, in the message's order. A failed call's {@code result} is the JSON error text the model
 * gets from the invoke API ({@code {"error": "HTTP_TOOL_...", "message", "hint"}}), so the model can act on it.
 *
 * @param results the results
 */
@Schema(name = "VapiResultsOut", description = "Vapi's tool-calls answer: one result per tool call, in order.")
record VapiResultsOut(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Result> results) {

    /**
     * One tool call's result.
     *
     * @param name the tool's name
     * @param toolCallId Vapi's id of the tool call
     * @param result the text the model gets
     */
    @Schema(name = "VapiResultOut", description = "One tool call's result, as Vapi reads it.")
    record Result(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "lookup_order") @JsonProperty("name")
            String name,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "call_abc123") @JsonProperty("toolCallId")
            String toolCallId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Order A-1042 shipped on 2 June.")
            @JsonProperty("result")
            String result) {}
}
