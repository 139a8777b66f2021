package dev.toolgate.server.invocation;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns a logged request ({@code {"method","url","headers","body"}}, secrets already masked as {@code ***}) into a
 * curl command that repeats it from a POSIX shell. Every value is single-quoted ({@code '} becomes {@code '\''}),
 * so nothing in it is expanded by the shell.
 */
final class CurlCommand {

    private CurlCommand() {}

    /** Returns the command, one option per line joined with {@code \}, ending in a newline. */
    static String of(JsonNode request) {
        StringBuilder out = new StringBuilder("curl -sS --max-time 10 -X ")
                .append(request.get("method").asString())
                .append(' ')
                .append(quote(request.get("url").asString()));
        for (Map.Entry<String, JsonNode> header : request.path("headers").properties()) {
            out.append(" \\\n  -H ")
                    .append(quote(header.getKey() + ": " + header.getValue().asString()));
        }
        JsonNode body = request.get("body");
        if (body != null && !body.isNull()) {
            out.append(" \\\n  --data-raw ").append(quote(body.asString()));
        }
        return out.append('\n').toString();
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
