package dev.toolgate.core.tool;

/** How an {@code http_request} tool carries the model's arguments (docs/request-response.md, section 2). */
public enum BodyMode {
    /**
     * The envelope: always {@code POST} with the JSON body {@code {"tool","arguments","caller_number",
     * "call_id","agent_id","tenant_id","invocation_id","timestamp"}}.
     */
    ENVELOPE("envelope"),
    /**
     * AssemblyAI's mapping: {@code GET}/{@code DELETE} put each argument in the query string (stringified,
     * nulls dropped); {@code POST}/{@code PUT}/{@code PATCH} send the arguments object as the JSON body.
     */
    ARGUMENTS("arguments");

    private final String wireName;

    BodyMode(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the name used in the REST API, e.g. {@code envelope}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Returns the mode whose wire name is {@code name}.
     *
     * @throws IllegalArgumentException if none matches
     */
    public static BodyMode fromWireName(String name) {
        for (BodyMode mode : values()) {
            if (mode.wireName.equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown body_mode: " + name);
    }
}
