package dev.toolgate.core.tool;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Parses the {@code auth} object of an {@code http_request} config:
 * {@code {"type": "none"}}, {@code {"type": "bearer", "token": ...}} or
 * {@code {"type": "header", "header_name": ..., "value": ...}}. Token and value may hold templates
 * ({@code {{secrets.NAME}}}); they must not be blank or the mask {@code "***"}.
 */
final class AuthParser {

    static final List<String> TYPES = List.of("none", "bearer", "header");
    private static final List<String> FIELDS = List.of("type", "token", "header_name", "value");

    private AuthParser() {}

    /**
     * Returns the auth of the config read by {@code config}: {@link Auth.None} when {@code auth} is absent,
     * null when it is invalid (the problems are recorded).
     */
    static Auth parse(FieldReader config) {
        JsonNode node = config.node("auth");
        if (node == null) {
            return new Auth.None();
        }
        if (!node.isObject()) {
            config.error("auth", "must be an object {\"type\": \"none\" | \"bearer\" | \"header\", ...}");
            return null;
        }
        List<FieldError> errors = config.errors();
        int before = errors.size();
        FieldReader auth = new FieldReader(node, config.path("auth"), errors, FIELDS, "auth");
        String type = auth.checkOneOf("type", auth.requiredString("type"), TYPES);
        Auth result = null;
        if (type != null) {
            result = switch (type) {
                case "bearer" -> bearer(auth);
                case "header" -> header(auth);
                default -> none(auth);
            };
        }
        auth.rejectUnknown();
        return errors.size() > before ? null : result;
    }

    private static Auth none(FieldReader auth) {
        rejectFields(auth, "none", "token", "header_name", "value");
        return new Auth.None();
    }

    private static Auth bearer(FieldReader auth) {
        rejectFields(auth, "bearer", "header_name", "value");
        String token = secret(auth, "token");
        return token == null ? null : new Auth.Bearer(token);
    }

    private static Auth header(FieldReader auth) {
        rejectFields(auth, "header", "token");
        String name = auth.requiredString("header_name");
        if (name != null) {
            String problem = HttpFieldRules.headerNameProblem(name);
            if (problem != null) {
                auth.error("header_name", problem);
                name = null;
            }
        }
        String value = secret(auth, "value");
        return name == null || value == null ? null : new Auth.Header(name, value);
    }

    private static String secret(FieldReader auth, String field) {
        String value = auth.requiredString(field);
        if (value == null) {
            return null;
        }
        List<String> problems = HttpFieldRules.secretProblems(value);
        problems.forEach(problem -> auth.error(field, problem));
        return problems.isEmpty() ? value : null;
    }

    private static void rejectFields(FieldReader auth, String type, String... fields) {
        for (String field : fields) {
            if (auth.present(field)) {
                auth.error(field, "is not used by auth type " + type);
            }
        }
    }
}
