package dev.toolgate.server.mcp;

import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.server.api.ApiException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The tools one MCP client asked for with the {@code tools} query parameter ({@code ?tools=lookup_order,transfer}):
 * a comma-separated list of tool names. Names the agent has no enabled tool for are simply not listed.
 *
 * @param names the names asked for; empty when the client asked for every enabled tool
 */
record ToolSubset(Set<String> names) {

    /** Every enabled tool of the agent. */
    static final ToolSubset ALL = new ToolSubset(Set.of());

    /** The most names one subset may list: a client's own selection, far below an agent's tool limit. */
    static final int MAX_NAMES = 128;

    ToolSubset {
        names = Set.copyOf(names);
    }

    /**
     * Parses the {@code tools} query parameter.
     *
     * @param parameter the parameter's value, or null when it is absent
     * @return {@link #ALL} when it is absent or blank, else the names it lists
     * @throws ApiException 400 {@code invalid_parameter} when a name breaks the tool-name rule
     *     ({@link ToolDefinition#NAME_PATTERN}) or there are more than {@value #MAX_NAMES} names
     */
    static ToolSubset parse(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return ALL;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String part : parameter.split(",", -1)) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!ToolDefinition.NAME_PATTERN.matcher(name).matches()) {
                throw ApiException.invalidParameter(
                        "tools",
                        "tools must be a comma-separated list of tool names (letters, digits, _ and -, at most 64"
                                + " characters each)");
            }
            names.add(name);
        }
        if (names.size() > MAX_NAMES) {
            throw ApiException.invalidParameter("tools", "tools may name at most " + MAX_NAMES + " tools");
        }
        return names.isEmpty() ? ALL : new ToolSubset(names);
    }

    /** Returns whether this subset lets a client see and call the tool named {@code name}. */
    boolean includes(String name) {
        return names.isEmpty() || names.contains(name);
    }
}
