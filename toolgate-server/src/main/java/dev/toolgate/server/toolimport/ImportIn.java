package dev.toolgate.server.toolimport;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.toolgate.server.api.KnownFieldsOnly;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/agents/{agentId}/tools/import} (docs/openapi-import.md): the document inline or by
 * URL, which operations to take, and whether to create the tools.
 *
 * @param document the OpenAPI 3.0/3.1 or Swagger 2.0 document as a JSON object, or its JSON or YAML text; exactly
 *     one of {@code document} and {@code url}
 * @param url an {@code https://} URL to fetch the document from, under the egress policy of tool calls
 * @param baseUrl the {@code https://} base URL of the tools, instead of the document's {@code servers}
 * @param select which operations to import; null: all
 * @param dryRun true: answer the tools that would be created and create nothing
 * @param unknownFields fields the import does not know; each one is refused
 */
@Schema(
        name = "ImportIn",
        description = "An OpenAPI document (inline or by URL) to turn into tools.",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
@KnownFieldsOnly(message = "is not an import field; use document, url, base_url, select or dry_run")
record ImportIn(
        @Schema(
                description = "The OpenAPI 3.0/3.1 or Swagger 2.0 document: a JSON object, or its JSON or YAML text."
                        + " Exactly one of document and url.",
                types = {"object", "string"},
                example = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Pets\", \"version\": \"1\"},"
                        + " \"servers\": [{\"url\": \"https://pets.example.com/v1\"}], \"paths\": {}}")
        JsonNode document,

        @Schema(
                description = "An https:// URL to fetch the document from.",
                example = "https://api.example.com/openapi.json")
        @Size(max = MAX_URL, message = "must be at most {max} characters")
        String url,

        @Schema(
                description = "The https:// base URL of the tools, instead of the document's servers.",
                example = "https://api.example.com/v1")
        @Size(max = MAX_URL, message = "must be at most {max} characters")
        String baseUrl,

        @Valid ImportSelect select,

        @Schema(description = "Answer the tools that would be created; create nothing.", example = "true")
        Boolean dryRun,

        @Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields)
        implements KnownFieldsOnly.Body {

    /** The longest {@code url} and {@code base_url}, in characters (the tool URL limit). */
    static final int MAX_URL = 2048;

    /** Returns whether nothing is to be created. */
    boolean sendsNothing() {
        return Boolean.TRUE.equals(dryRun);
    }
}
