package dev.toolgate.server.toolimport;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/**
 * Something of the OpenAPI document that did not map, or mapped with a loss (docs/openapi-import.md, "Warnings").
 *
 * @param code what kind of loss, a stable wire name
 * @param operation the operation it concerns, {@code "GET /users/{id}"} (with its operationId in parentheses when it
 *     has one), or null for the whole document
 * @param message what happened and what the tenant may do about it
 */
@Schema(name = "ImportWarning", description = "Something of the document that did not map, or mapped with a loss.")
public record ImportWarning(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "What kind of loss.",
                example = "multipart_body")
        Code code,

        @Schema(
                description = "The operation it concerns; null for the whole document.",
                example = "POST /pets (addPet)")
        String operation,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What happened.")
        String message) {

    /** The kinds of warning; {@link #skipsOperation()} tells whether the operation made no tool. */
    @Schema(name = "ImportWarningCode", description = "What kind of loss.")
    public enum Code {
        /** The parser's remark about the document (it was read all the same). */
        DOCUMENT_MESSAGE(false),
        /** A server URL is not https (or not absolute), so it was not used. */
        NON_HTTPS_SERVER(false),
        /** A method Toolgate does not send (HEAD, OPTIONS, TRACE): the operation made no tool. */
        UNSUPPORTED_METHOD(true),
        /** A path template that is not a whole segment ({@code /files/{name}.json}): no tool. */
        UNSUPPORTED_PATH(true),
        /** A request body that is multipart or form data: dropped, or no tool when it is required. */
        MULTIPART_BODY(false),
        /** A request body of another media type or shape (not a JSON object): dropped, or no tool when required. */
        UNSUPPORTED_BODY(false),
        /** A cookie parameter: not sent. */
        COOKIE_PARAMETER(false),
        /** A header parameter Toolgate sets itself or takes from auth: not sent. */
        RESERVED_HEADER(false),
        /** An array or object query parameter: sent as JSON text, not in the document's style. */
        QUERY_SERIALIZATION(false),
        /** An argument was renamed (a name the tool-name rule refuses, or two parameters of one name). */
        RENAMED_PARAMETER(false),
        /** Neither summary nor description: a description was made from the method and path. */
        MISSING_DESCRIPTION(false),
        /** The description was cut to the longest Toolgate takes. */
        DESCRIPTION_CUT(false),
        /** A schema refers to itself, or nests deeper than the import follows: the rest is left open ({@code {}}). */
        SCHEMA_CUT(false),
        /** A {@code pattern} the linear-time regex engine does not run: dropped. */
        PATTERN_DROPPED(false),
        /** A security scheme that does not map to the tool's auth (cookie API key, mutual TLS, ...): not sent. */
        UNSUPPORTED_SECURITY(false),
        /** OAuth 2 or OpenID Connect: sent as a bearer token the tenant obtains and stores as a secret. */
        OAUTH_AS_BEARER(false),
        /** The tenant secret a tool's auth refers to; it must be set before the tool can be called. */
        SECRET_TO_SET(false),
        /** The tool name was changed to be unique among the agent's tools and this import's. */
        NAME_CHANGED(false),
        /** The built tool fails the tool rules (too large a schema, ...): no tool. */
        INVALID_TOOL(true),
        /** A {@code select} entry matched no operation. */
        SELECT_UNMATCHED(false);

        private final boolean skipsOperation;

        Code(boolean skipsOperation) {
            this.skipsOperation = skipsOperation;
        }

        /** Returns whether a warning of this code always means that the operation made no tool. */
        public boolean skipsOperation() {
            return skipsOperation;
        }

        /** Returns the wire name, e.g. {@code multipart_body}. */
        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A warning about one operation. */
    static ImportWarning of(Code code, String operation, String message) {
        return new ImportWarning(code, operation, message);
    }

    /** A warning about the whole document. */
    static ImportWarning document(Code code, String message) {
        return new ImportWarning(code, null, message);
    }
}
