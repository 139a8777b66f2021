package dev.toolgate.core.render;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.tool.Auth;
import dev.toolgate.core.tool.HttpRequestConfig;
import dev.toolgate.core.tool.TemplateSyntax;
import dev.toolgate.core.tool.UrlTemplate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where {@link RequestRenderer} puts a tool call's arguments: into whole URL path segments (one percent-encoded
 * segment each, RFC 3986 §3.3), into the query, or left out of the body because the tool routes them itself (its
 * path, headers, {@code query_params} or auth use them).
 */
final class ArgumentRouting {
    private ArgumentRouting() {}

    /**
     * Fills each {@code {{args.NAME}}} path segment of the tool URL ({@link UrlTemplate}) with the argument's text,
     * percent-encoded as one segment: {@code /}, {@code \\}, {@code ?}, {@code #} and {@code %} are encoded, so
     * a value can never add a segment, a query or a fragment, and the scheme, host and port stay the tool's.
     *
     * @throws RenderException {@code HTTP_TOOL_INVALID_ARGS} when the value is empty (or the argument missing or
     *     null), {@code .} or {@code ..}: such a segment would drop or climb out of the path (RFC 3986 §5.2.4)
     */
    static void fillPathSegments(HttpUrl.Builder url, HttpUrl skeleton, JsonNode arguments) {
        List<String> segmentArguments = UrlTemplate.segmentArguments(skeleton);
        for (int i = 0; i < segmentArguments.size(); i++) {
            String name = segmentArguments.get(i);
            if (name == null) {
                continue;
            }
            String value = TemplateRenderer.argumentText(arguments.get(name));
            if (value.isEmpty() || value.equals(".") || value.equals("..")) {
                throw new RenderException(ToolError.of(
                        ErrorCode.HTTP_TOOL_INVALID_ARGS,
                        "the argument '" + name + "' fills a segment of the URL path and must not be empty, \".\""
                                + " or \"..\""));
            }
            url.setPathSegment(i, value);
        }
    }

    /**
     * Returns the arguments a tool routes itself in {@code arguments} mode, so they are not sent a second time in
     * the query or the body: those that fill URL path segments and those its header and {@code query_params}
     * templates use (the auth's too).
     */
    static Set<String> routedArguments(HttpRequestConfig config) {
        Set<String> routed = new HashSet<>(UrlTemplate.argumentNames(config.url()));
        config.headers().forEach(header -> routed.addAll(argumentsIn(header.value())));
        config.queryParams().forEach(param -> routed.addAll(argumentsIn(param.value())));
        switch (config.auth()) {
            case Auth.None none -> {}
            case Auth.Bearer bearer -> routed.addAll(argumentsIn(bearer.token()));
            case Auth.Header header -> routed.addAll(argumentsIn(header.value()));
        }
        return routed;
    }

    /** Returns the names of the arguments {@code template}'s {@code {{args.NAME}}} placeholders use. */
    static Set<String> argumentsIn(String template) {
        Set<String> names = new HashSet<>();
        Matcher matcher = TemplateSyntax.PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (matcher.group(1).startsWith("args.")) {
                names.add(matcher.group(1).substring("args.".length()));
            }
        }
        return names;
    }

    /** Returns {@code arguments} without the {@code routed} ones (a copy when any is removed). */
    static ObjectNode withoutRouted(ObjectNode arguments, Set<String> routed) {
        if (routed.isEmpty()) {
            return arguments;
        }
        ObjectNode rest = arguments.deepCopy();
        routed.forEach(rest::remove);
        return rest;
    }

    /**
     * Returns whether {@code template} is exactly one {@code {{args.NAME}}} placeholder whose argument is missing
     * or null: such a header or query parameter is left out instead of being sent empty (an optional parameter).
     */
    static boolean absentSoleArgument(String template, JsonNode arguments) {
        Matcher matcher = TemplateSyntax.PLACEHOLDER.matcher(template);
        if (!matcher.matches() || !matcher.group(1).startsWith("args.")) {
            return false;
        }
        JsonNode value = arguments.get(matcher.group(1).substring("args.".length()));
        return value == null || value.isNull() || value.isMissingNode();
    }

    /** Adds each non-null argument whose name is not pinned, in the arguments' order. */
    static void addArgumentsToQuery(HttpUrl.Builder url, ObjectNode arguments, Set<String> pinned) {
        for (Map.Entry<String, JsonNode> argument : arguments.properties()) {
            JsonNode value = argument.getValue();
            if (value == null || value.isNull() || value.isMissingNode() || pinned.contains(argument.getKey())) {
                continue;
            }
            url.addQueryParameter(argument.getKey(), TemplateRenderer.argumentText(value));
        }
    }

    /** Returns whether {@code template} holds an {@code {{args.NAME}}} placeholder. */
    static boolean usesArguments(String template) {
        Matcher matcher = TemplateSyntax.PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (matcher.group(1).startsWith("args.")) {
                return true;
            }
        }
        return false;
    }
}
