package dev.toolgate.server.toolimport;

import dev.toolgate.core.egress.EgressPolicy;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Picks the base URL of imported tools: the request's {@code base_url}, else the first of the document's
 * {@code servers} that is an absolute {@code https://} URL once its variables ({@code {region}}) take their defaults.
 * Servers that are not https, or relative, are passed over with {@code non_https_server}.
 */
final class ServerUrls {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]+)}");

    private ServerUrls() {}

    /**
     * Returns the base URL without a trailing {@code /}.
     *
     * @throws DocumentException when there is none: no {@code base_url} and no usable server
     */
    static String base(JsonNode document, String override, List<ImportWarning> warnings) {
        if (override != null) {
            return strip(override);
        }
        for (JsonNode server : document.path("servers")) {
            String url = substituted(server);
            if (url == null) {
                continue;
            }
            if (EgressPolicy.checkSyntax(url).allowed() && !url.contains("?") && !url.contains("#")) {
                return strip(url);
            }
            warnings.add(ImportWarning.document(
                    ImportWarning.Code.NON_HTTPS_SERVER,
                    "server " + url
                            + " is not an absolute https:// URL; it is not used (give base_url to choose one)"));
        }
        throw new DocumentException("the document names no https:// server to call: give base_url, e.g."
                + " \"base_url\": \"https://api.example.com/v1\"");
    }

    /** Returns the server's URL with its variables' defaults filled in, or null when one has no default. */
    private static String substituted(JsonNode server) {
        String url = server.path("url").asString("");
        if (url.isBlank()) {
            return null;
        }
        Matcher matcher = VARIABLE.matcher(url);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            JsonNode value = server.path("variables").path(matcher.group(1)).path("default");
            if (!value.isString()) {
                return null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.stringValue()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String strip(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /** Returns what is wrong with a {@code base_url}, or null: it must be absolute https without query or fragment. */
    static String baseUrlProblem(String url) {
        if (url.contains("{{") || url.contains("}}")) {
            return "must not contain templates";
        }
        if (url.contains("?") || url.contains("#")) {
            return "must not have a query or fragment";
        }
        var syntax = EgressPolicy.checkSyntax(url);
        return syntax.allowed() ? null : "must be an absolute https:// URL: " + syntax.reason();
    }
}
