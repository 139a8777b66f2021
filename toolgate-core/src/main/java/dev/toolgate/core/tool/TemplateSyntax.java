package dev.toolgate.core.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template language of header and query values (docs/request-response.md, "Templates"): {@code {{caller_number}}},
 * {@code {{call_id}}}, {@code {{agent_id}}}, {@code {{tenant_id}}}, {@code {{args.NAME}}},
 * {@code {{secrets.NAME}}} and {@code {{vars.NAME}}}. White space inside the braces is allowed
 * ({@code {{ args.city }}}). Anything else between {@code {{ }}} is an error, caught when a tool is saved.
 */
public final class TemplateSyntax {

    /** One placeholder; group 1 is the expression without braces and white space. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    /** A tenant secret's name, as in {@code {{secrets.NAME}}} and {@code /v1/secrets/NAME} (regex, unanchored). */
    public static final String SECRET_NAME = "[A-Za-z0-9_.-]{1,128}";

    /** A call variable's name, as in {@code {{vars.NAME}}} and a tool's variable settings (regex, unanchored). */
    public static final String VARIABLE_NAME = "[a-zA-Z_][a-zA-Z0-9_]{0,63}";

    /** A tool-call argument's name, as in {@code {{args.NAME}}} (regex, unanchored). */
    public static final String ARGUMENT_NAME = "[A-Za-z0-9_-]{1,64}";

    /** The expressions a placeholder may hold. */
    public static final Pattern EXPRESSION = Pattern.compile("caller_number|call_id|agent_id|tenant_id|args\\."
            + ARGUMENT_NAME + "|secrets\\." + SECRET_NAME + "|vars\\." + VARIABLE_NAME);

    private TemplateSyntax() {}

    /**
     * Returns what is wrong with {@code template}, one sentence per problem; empty when it is valid.
     * Unbalanced braces and unknown expressions are problems.
     */
    public static List<String> problems(String template) {
        List<String> problems = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            String expression = matcher.group(1);
            if (!EXPRESSION.matcher(expression).matches()) {
                problems.add("unknown template {{" + expression + "}}: use caller_number, call_id, agent_id, tenant_id,"
                        + " args.NAME, secrets.NAME or vars.NAME");
            }
            rest.append(template, last, matcher.start());
            last = matcher.end();
        }
        rest.append(template.substring(last));
        if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
            problems.add("unbalanced template braces: every {{ needs a matching }}");
        }
        return problems;
    }

    /** Returns whether {@code template} references a tenant secret ({@code {{secrets.NAME}}}). */
    public static boolean usesSecret(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (matcher.group(1).startsWith("secrets.")) {
                return true;
            }
        }
        return false;
    }
}
