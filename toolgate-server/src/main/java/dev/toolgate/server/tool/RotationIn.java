package dev.toolgate.server.tool;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.toolgate.server.api.KnownFieldsOnly;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import java.util.Map;

/**
 * The optional body of a signing-secret rotation.
 *
 * @param overlapSeconds how long the previous secrets keep signing, in seconds, from 0 (end them at once, for a
 *     leaked secret) to {@code toolgate.signing.rotation-overlap}; null for that whole window
 * @param unknownFields fields this body does not have; each one is refused
 */
@Schema(
        name = "RotationIn",
        description = "How long the previous signing secrets keep signing.",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
@KnownFieldsOnly(message = "is not a field of a rotation")
record RotationIn(
        @Schema(
                description = "Seconds the previous secrets keep signing: 0 ends them at once (for a leaked"
                        + " secret); at most, and by default, toolgate.signing.rotation-overlap.",
                minimum = "0",
                example = "3600")
        @Min(value = 0, message = OVERLAP_RULE)
        Long overlapSeconds,

        @Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields)
        implements KnownFieldsOnly.Body {

    /** What a valid {@code overlap_seconds} is. */
    static final String OVERLAP_RULE =
            "must be a whole number of seconds from 0 to the rotation overlap (toolgate.signing.rotation-overlap)";
}
