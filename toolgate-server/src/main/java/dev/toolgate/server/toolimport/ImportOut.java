package dev.toolgate.server.toolimport;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer of an import.
 *
 * @param tools the tools: with {@code dry_run}, as they would be created (tool API JSON); else as created, each with
 *     its signing secret (shown this once)
 * @param warnings what did not map, or mapped with a loss
 * @param created how many tools were created; 0 with {@code dry_run}
 * @param summary how the document's operations fared
 */
@Schema(name = "ImportOut", description = "The tools made from the document, the warnings, and how many were created.")
record ImportOut(
        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "The tools (as created, with their signing secret shown once; or, in a"
                                        + " dry run, as they would be created)."),
                schema = @Schema(type = "object"))
        List<Object> tools,

        @ArraySchema(arraySchema = @Schema(description = "What did not map, or mapped with a loss."))
        List<ImportWarning> warnings,

        @Schema(description = "How many tools were created; 0 in a dry run.", example = "3")
        int created,

        Summary summary) {

    /**
     * How the operations fared.
     *
     * @param operations operations considered (after {@code select})
     * @param clean operations that made a tool without any warning
     * @param withWarnings operations that made a tool with at least one warning
     * @param skipped operations that made no tool
     */
    @Schema(name = "ImportSummary", description = "How the selected operations fared.")
    record Summary(
            @Schema(description = "Operations considered (after select).", example = "4")
            int operations,

            @Schema(description = "Operations that made a tool without a warning.", example = "2")
            int clean,

            @Schema(description = "Operations that made a tool with warnings.", example = "1")
            int withWarnings,

            @Schema(description = "Operations that made no tool.", example = "1")
            int skipped) {}
}
