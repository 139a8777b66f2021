package dev.toolgate.server.agent;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /v1/agents}, and of the console's agent form (checked by the same Bean Validation).
 *
 * @param name a display name, 1–{@value Agent#MAX_NAME} characters, not blank; stored without surrounding white space
 * @param description an optional note, at most {@value Agent#MAX_DESCRIPTION} characters
 */
@Schema(name = "AgentIn", description = "A new voice agent.")
public record AgentIn(
        @Schema(description = "A display name; stored without surrounding white space.", example = "Front desk")
        @NotBlank(message = "is required")
        @Size(min = 1, max = Agent.MAX_NAME, message = "must be at most {max} characters")
        String name,

        @Schema(
                description = "An optional note.",
                types = {"string", "null"},
                example = "Answers the main line of the Berlin office.")
        @Size(max = Agent.MAX_DESCRIPTION, message = "must be at most {max} characters")
        String description) {}
