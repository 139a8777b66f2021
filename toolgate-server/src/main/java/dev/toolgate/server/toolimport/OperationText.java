package dev.toolgate.server.toolimport;

import dev.toolgate.core.tool.ToolDefinitionParser;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The name and description of the tool an operation makes: {@code x-toolgate.name}, else the {@code operationId},
 * else method and path, sanitized ({@link Names}); {@code x-toolgate.description}, else the summary and the
 * description (both when they differ), cut to {@link ToolDefinitionParser#MAX_DESCRIPTION} characters.
 */
final class OperationText {

    private OperationText() {}

    static String name(String method, String path, JsonNode operation) {
        JsonNode extension = operation.path("x-toolgate");
        String override = extension.path("name").asString("");
        if (!override.isBlank()) {
            return Names.sanitize(override, Names.fromMethodAndPath(method, path));
        }
        String id = operation.path("operationId").asString("");
        return id.isBlank()
                ? Names.fromMethodAndPath(method, path)
                : Names.sanitize(id, Names.fromMethodAndPath(method, path));
    }

    static String description(
            String method, String path, JsonNode operation, String label, List<ImportWarning> warnings) {
        String override =
                operation.path("x-toolgate").path("description").asString("").strip();
        String summary = operation.path("summary").asString("").strip();
        String description = operation.path("description").asString("").strip();
        String text;
        if (!override.isEmpty()) {
            text = override;
        } else if (summary.isEmpty() && description.isEmpty()) {
            warnings.add(ImportWarning.of(
                    ImportWarning.Code.MISSING_DESCRIPTION,
                    label,
                    "the operation has neither summary nor description: the model sees only \""
                            + method.toUpperCase(Locale.ROOT) + " " + path + "\"; add a description"));
            text = method.toUpperCase(Locale.ROOT) + " " + path;
        } else if (description.isEmpty() || description.equals(summary)) {
            text = summary.isEmpty() ? description : summary;
        } else if (summary.isEmpty() || description.startsWith(summary)) {
            text = description;
        } else {
            text = summary + "\n\n" + description;
        }
        if (Descriptions.tooLong(text, ToolDefinitionParser.MAX_DESCRIPTION)) {
            warnings.add(ImportWarning.of(
                    ImportWarning.Code.DESCRIPTION_CUT,
                    label,
                    "the description was cut to " + ToolDefinitionParser.MAX_DESCRIPTION + " characters"));
            text = Descriptions.cut(text, ToolDefinitionParser.MAX_DESCRIPTION);
        }
        return text;
    }
}
