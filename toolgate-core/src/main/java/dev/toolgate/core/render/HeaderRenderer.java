package dev.toolgate.core.render;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.http.ReservedHeaders;
import dev.toolgate.core.tool.Auth;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.KeyValue;
import dev.toolgate.core.tool.TemplateSyntax;
import java.util.List;
import java.util.Set;
import okhttp3.Headers;
import tools.jackson.databind.JsonNode;

/**
 * The headers of a rendered request that come from the tool: its templated headers and its auth header, each
 * value checked for control characters, and which of them are sensitive (see {@link RequestRenderer}). Immutable and
 * thread-safe if the {@link SecretResolver} behind its templates is.
 */
final class HeaderRenderer {

    private final TemplateRenderer templates;

    HeaderRenderer(TemplateRenderer templates) {
        this.templates = templates;
    }

    /** Adds the tool's headers (minus reserved ones and the auth header's name), then the auth header. */
    void addToolAndAuthHeaders(
            Headers.Builder headers,
            HttpRequestConfig config,
            CallContext call,
            JsonNode arguments,
            Set<String> sensitiveHeaders,
            List<String> secretValues) {
        String authHeader = authHeaderName(config.auth());
        for (KeyValue header : config.headers()) {
            if (ReservedHeaders.isReserved(header.key())
                    || header.key().equalsIgnoreCase(authHeader)
                    || ArgumentRouting.absentSoleArgument(header.value(), arguments)) {
                continue;
            }
            boolean secret = TemplateSyntax.usesSecret(header.value());
            String value = addTemplated(headers, header.key(), header.value(), call, arguments, secretValues);
            if (secret) {
                sensitiveHeaders.add(header.key());
                secretValues.add(value);
            }
        }
        switch (config.auth()) {
            case Auth.None none -> {}
            case Auth.Bearer bearer -> {
                String token = templates.render(bearer.token(), call, arguments, secretValues);
                secretValues.add(token.strip());
                secretValues.add(addChecked(headers, authHeader, ("Bearer " + token).strip(), bearer.token()));
            }
            case Auth.Header header -> {
                if (!ReservedHeaders.isReserved(header.headerName())) {
                    secretValues.add(addTemplated(headers, authHeader, header.value(), call, arguments, secretValues));
                }
            }
        }
        if (authHeader != null) {
            sensitiveHeaders.add(authHeader);
        }
    }

    private static String authHeaderName(Auth auth) {
        return switch (auth) {
            case Auth.None none -> null;
            case Auth.Bearer bearer -> "Authorization";
            case Auth.Header header -> header.headerName();
        };
    }

    /*
     * Header values may carry argument text, so they are checked here: CR/LF would split the header (request
     * smuggling), NUL and other controls are invalid (RFC 9110 §5.5). Non-ASCII text is allowed and sent as
     * UTF-8 (obs-text), which is why the value goes through addUnsafeNonAscii after this check.
     */
    private String addTemplated(
            Headers.Builder headers,
            String name,
            String template,
            CallContext call,
            JsonNode arguments,
            List<String> secretValues) {
        return addChecked(
                headers,
                name,
                templates.render(template, call, arguments, secretValues).strip(),
                template);
    }

    /** Adds a rendered header value after the checks above; returns the value. */
    private static String addChecked(Headers.Builder headers, String name, String value, String template) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new RenderException(ToolError.of(
                        ArgumentRouting.usesArguments(template)
                                ? ErrorCode.HTTP_TOOL_INVALID_ARGS
                                : ErrorCode.HTTP_TOOL_INTERNAL,
                        "the value for header '" + name + "' contains a control character (such as a line break),"
                                + " which a header cannot carry"));
            }
        }
        try {
            headers.addUnsafeNonAscii(name, value);
            return value;
        } catch (IllegalArgumentException e) {
            throw new RenderException(ToolError.of(
                    ErrorCode.HTTP_TOOL_INTERNAL,
                    "the tool's header name '" + name + "' is not a valid HTTP field name"));
        }
    }
}
