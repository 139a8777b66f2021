package dev.toolgate.server.tenant;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** API-key scopes (README, "REST API at a glance"). {@link #ADMIN} implies every other scope of its own tenant. */
public enum Scope {
    AGENTS_WRITE("agents:write"),
    TOOLS_READ("tools:read"),
    TOOLS_WRITE("tools:write"),
    TOOLS_INVOKE("tools:invoke"),
    INVOCATIONS_READ("invocations:read"),
    ADMIN("admin");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the name used in the API (and in JSON), e.g. {@code tools:read}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * Returns the scope named {@code name}.
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static Scope fromWireName(String name) {
        for (Scope scope : values()) {
            if (scope.wireName.equals(name)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + name + "'; valid: "
                + Arrays.stream(values()).map(Scope::wireName).toList());
    }

    /** Parses a space- or comma-separated list of scope names. */
    public static Set<Scope> parseList(String list) {
        Set<Scope> scopes = new LinkedHashSet<>();
        for (String part : list.split("[,\\s]+")) {
            if (!part.isBlank()) {
                scopes.add(fromWireName(part.trim()));
            }
        }
        return scopes;
    }

    /** Joins scopes with a space, in declaration order. */
    public static String format(Set<Scope> scopes) {
        return String.join(
                " ",
                Arrays.stream(values())
                        .filter(scopes::contains)
                        .map(Scope::wireName)
                        .toList());
    }
}
