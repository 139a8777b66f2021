package dev.toolgate.server.invocation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/agents/{agentId}/tools/{toolId}/test}; the whole body may be left out (no arguments,
 * no call, a real send).
 *
 * @param arguments the arguments to try, as in {@link InvokeIn#arguments()}
 * @param call the call context to render with, or null
 * @param dryRun true: render, sign and judge the destination, send nothing; null or false: send
 */
@Schema(name = "TestFireIn", description = "A test fire: arguments, an optional call context, and dry_run.")
public record TestFireIn(
        @Schema(description = "The arguments to try.", example = "{\"order_id\": \"A-1042\"}")
        JsonNode arguments,

        @Valid CallIn call,

        @Schema(description = "Render and judge the destination, but send nothing.", example = "true")
        Boolean dryRun) {

    /** The body of a request that sent none. */
    static final TestFireIn EMPTY = new TestFireIn(null, null, null);

    boolean sendsNothing() {
        return Boolean.TRUE.equals(dryRun);
    }
}
