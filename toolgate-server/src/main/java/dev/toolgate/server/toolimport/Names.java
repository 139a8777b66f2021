package dev.toolgate.server.toolimport;

import dev.toolgate.core.tool.ToolDefinition;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names the import makes: tool names ({@link ToolDefinition#NAME_PATTERN}: {@code ^[a-zA-Z0-9_-]{1,64}$}), argument
 * names (the {@code {{args.NAME}}} rule of {@code core.tool.TemplateSyntax}, the same characters and length) and
 * secret names ({@code {{secrets.NAME}}}: {@code [A-Za-z0-9_.-]{1,128}}).
 */
final class Names {

    /** The longest tool or argument name: 64, the cap of OpenAI, Anthropic and Gemini function names. */
    static final int MAX_NAME = 64;

    /** The longest secret name. */
    static final int MAX_SECRET_NAME = 128;

    private static final Pattern NOT_NAME = Pattern.compile("[^A-Za-z0-9_-]+");
    private static final Pattern NOT_SECRET = Pattern.compile("[^A-Za-z0-9_.-]+");

    private Names() {}

    /**
     * Returns {@code raw} as a tool or argument name: each run of other characters becomes {@code _}, leading and
     * trailing {@code _} are dropped, and the result is cut to {@link #MAX_NAME}; {@code fallback} when nothing is left.
     */
    static String sanitize(String raw, String fallback) {
        String name = NOT_NAME.matcher(raw).replaceAll("_").replaceAll("^_+|_+$", "");
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME).replaceAll("_+$", "");
        }
        return name.isEmpty() ? fallback : name;
    }

    /** Returns whether {@code raw} is already a valid tool or argument name. */
    static boolean isName(String raw) {
        return ToolDefinition.NAME_PATTERN.matcher(raw).matches();
    }

    /** Returns a tool name for an operation without operationId: {@code get_users_id} for {@code GET /users/{id}}. */
    static String fromMethodAndPath(String method, String path) {
        return sanitize(
                method.toLowerCase(Locale.ROOT) + (path.startsWith("/") ? "" : "_") + path,
                method.toLowerCase(Locale.ROOT));
    }

    /**
     * Returns {@code name}, or when {@code taken} holds it, the first free {@code name_2}, {@code name_3}, ... cut so
     * that it stays within {@link #MAX_NAME}; the result is added to {@code taken}.
     */
    static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int n = 2; taken.contains(candidate); n++) {
            String suffix = "_" + n;
            candidate = name.substring(0, Math.min(name.length(), MAX_NAME - suffix.length())) + suffix;
        }
        taken.add(candidate);
        return candidate;
    }

    /** Returns a secret name for a security scheme: its name with other characters as {@code _}, at most 128. */
    static String secret(String schemeName) {
        String name = NOT_SECRET.matcher(schemeName).replaceAll("_");
        name = name.length() > MAX_SECRET_NAME ? name.substring(0, MAX_SECRET_NAME) : name;
        return name.isEmpty() ? "api_key" : name;
    }
}
