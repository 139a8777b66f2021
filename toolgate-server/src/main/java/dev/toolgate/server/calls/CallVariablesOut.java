package dev.toolgate.server.calls;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * The answer of {@code GET /v1/calls/{callId}/variables}.
 *
 * @param callId the call's id, as the voice runtime sent it in {@code call.id}
 * @param variables the call's stored variables, name → value; pending (unconfirmed) values are not listed
 */
@Schema(
        name = "CallVariablesOut",
        description = "A call's stored variables; pending (unconfirmed) values are not listed.")
record CallVariablesOut(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "call-7f3a")
        String callId,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Variable name to value, as {{vars.NAME}} renders it.",
                example = "{\"email\": \"jane.doe@example.com\"}")
        Map<String, String> variables) {}
