package dev.toolgate.server.toolimport;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.toolgate.server.api.KnownFieldsOnly;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * Which operations an import takes (docs/openapi-import.md, "Select"): an operation is taken when it matches any of
 * the criteria given. An operation marked {@code x-toolgate: false} is never taken.
 *
 * @param operationIds operations by {@code operationId}
 * @param tags operations carrying one of these tags
 * @param extension true: operations carrying an {@code x-toolgate} extension ({@code true} or an object)
 * @param unknownFields fields that are not criteria; each one is refused
 */
@Schema(
        name = "ImportSelect",
        description = "Which operations to import: those matching any criterion given.",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
@KnownFieldsOnly(message = "is not a selection criterion; use operation_ids, tags or extension")
record ImportSelect(
        @ArraySchema(
                arraySchema = @Schema(description = "Operations by operationId."),
                schema = @Schema(example = "getPetById"),
                maxItems = MAX_ENTRIES)
        @Size(max = MAX_ENTRIES, message = "must have at most {max} entries")
        List<@NotNull(message = "must not be null") String> operationIds,

        @ArraySchema(
                arraySchema = @Schema(description = "Operations carrying one of these tags."),
                schema = @Schema(example = "pets"),
                maxItems = MAX_ENTRIES)
        @Size(max = MAX_ENTRIES, message = "must have at most {max} entries")
        List<@NotNull(message = "must not be null") String> tags,

        @Schema(description = "Operations carrying an x-toolgate extension.", example = "true")
        Boolean extension,

        @Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields)
        implements KnownFieldsOnly.Body {

    /** The most operation ids or tags one selection may list. */
    static final int MAX_ENTRIES = 1_000;

    /** Returns whether no criterion is given (everything is taken). */
    boolean isEmpty() {
        return (operationIds == null || operationIds.isEmpty())
                && (tags == null || tags.isEmpty())
                && !Boolean.TRUE.equals(extension);
    }
}
