package dev.toolgate.server.invocation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of an agent's invocations, newest first.
 *
 * @param data the records of this page
 * @param nextCursor the {@code cursor} of the next page, or null when this is the last
 */
@Schema(
        name = "InvocationPage",
        description = "A page of invocation records, newest first, and the next page's cursor.")
public record InvocationPage(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<InvocationRecordOut> data,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                types = {"string", "null"})
        String nextCursor) {

    public InvocationPage {
        data = List.copyOf(data);
    }
}
