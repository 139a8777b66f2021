package dev.toolgate.server.tool;

import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.server.api.LogSafe;
import dev.toolgate.server.secrets.ToolAuthSecrets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rows of the {@code tools} table as {@link Tool}s: the auth secret put back into the definition, the definition
 * parsed once per (tool id, updated_at) and kept, a definition that no longer passes this version's rules left out.
 */
final class StoredToolRows {

    /** The columns {@link #row} reads, from {@code tools}: append the {@code where} clause. */
    static final String SELECT =
            "select id, tenant_id, agent_id, definition, auth_secret, created_at, updated_at from tools";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(ToolStore.class);

    private final ToolDefinitionParser parser;
    private final ToolAuthSecrets authSecrets;
    private final Map<UUID, Tool> cache = new ConcurrentHashMap<>();
    /** Stored tools (id@updated_at) that failed this version's rules and were logged once. */
    private final Set<String> invalidLogged = ConcurrentHashMap.newKeySet();

    StoredToolRows(ToolDefinitionParser parser, ToolAuthSecrets authSecrets) {
        this.parser = parser;
        this.authSecrets = authSecrets;
    }

    /** Drops the parsed definition kept for {@code toolId} (it changed or was deleted). */
    void forget(UUID toolId) {
        cache.remove(toolId);
    }

    /**
     * Maps one stored tool, or returns null when its definition no longer passes this version's rules (a pattern
     * RE2 cannot run, a recursive {@code $ref}, a value outside a narrowed range): such a tool is left out of every
     * read (so it is never invoked and never answers a 500), logged once per version of the row with its field
     * errors, and can still be deleted by id.
     */
    Tool row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Instant updatedAt = rs.getTimestamp("updated_at").toInstant();
        Tool cached = cache.get(id);
        if (cached != null && cached.updatedAt().equals(updatedAt)) {
            return cached;
        }
        ObjectNode json = (ObjectNode) JSON.readTree(rs.getString("definition"));
        authSecrets.unseal(id, json, rs.getString("auth_secret"));
        ToolDefinition definition = switch (parser.parse(json)) {
            case ParseResult.Valid valid -> valid.definition();
            case ParseResult.Invalid invalid -> {
                if (invalidLogged.add(id + "@" + updatedAt)) {
                    log.warn(
                            "Stored tool {} no longer passes this version's rules and is left out until it is"
                                    + " deleted and created again: {}",
                            id,
                            LogSafe.text(invalid.errors()));
                }
                yield null;
            }
        };
        if (definition == null) {
            return null;
        }
        Tool tool = new Tool(
                id,
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("agent_id", UUID.class),
                definition,
                rs.getTimestamp("created_at").toInstant(),
                updatedAt);
        cache.put(id, tool);
        return tool;
    }
}
