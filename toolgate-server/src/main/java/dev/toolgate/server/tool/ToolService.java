package dev.toolgate.server.tool;

import dev.toolgate.core.signing.SigningSecret;
import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.SignatureScheme;
import dev.toolgate.core.tool.Tool;
import dev.toolgate.core.tool.ToolDefinition;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolDefinitionWriter;
import dev.toolgate.core.tool.ToolType;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.secrets.SigningSecretStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules of creating, changing, deleting a tool and rotating its signing secret, shared by the REST API
 * ({@link ToolController}, {@link SigningSecretController}) and the console: every lookup confined to the tenant,
 * every field error of a submitted tool reported at once by path ({@link ToolDefinitionParser}), a new signing secret
 * issued (and shown once) at creation and when the signature scheme changes.
 */
@Service
public class ToolService {

    private static final ToolDefinitionWriter WRITER = new ToolDefinitionWriter();

    private final AgentStore agents;
    private final ToolStore tools;
    private final ToolDefinitionParser parser;
    private final SigningSecretStore signingSecrets;
    private final Duration maxOverlap;

    ToolService(
            AgentStore agents,
            ToolStore tools,
            ToolDefinitionParser parser,
            SigningSecretStore signingSecrets,
            ToolgateProperties properties) {
        this.agents = agents;
        this.tools = tools;
        this.parser = parser;
        this.signingSecrets = signingSecrets;
        this.maxOverlap = properties.signing().rotationOverlap();
    }

    /**
     * A stored tool and, when this change issued one, its new signing secret.
     *
     * @param tool the tool as stored
     * @param signingSecret the new signing secret in plain text, to be shown this once; null when none was issued
     */
    public record Saved(Tool tool, String signingSecret) {
        @Override
        public String toString() {
            return "Saved[tool=" + tool.id() + ", signingSecret=" + (signingSecret == null ? "none" : "***") + "]";
        }
    }

    /** Returns the agent's tools (404 for an agent of another tenant), in the stored order. */
    public List<Tool> list(UUID tenantId, UUID agentId) {
        agents.require(tenantId, agentId);
        return tools.list(tenantId, agentId);
    }

    /**
     * Returns one tool of the tenant's agent.
     *
     * @throws ApiException 404 for an unknown agent or tool (also one of another tenant)
     */
    public Tool require(UUID tenantId, UUID agentId, UUID toolId) {
        agents.require(tenantId, agentId);
        return tools.require(tenantId, agentId, toolId);
    }

    /**
     * Creates a tool from a submitted body (the REST API's shape) with its first signing secret.
     *
     * @throws ApiException 404 for an unknown agent; 422 {@code validation_failed} listing every field error by
     *     path; 409 for a name the agent already has; 422 {@code too_many_tools}
     */
    public Saved create(UUID tenantId, UUID agentId, JsonNode body) {
        agents.require(tenantId, agentId);
        ToolDefinition definition = valid(parser.parse(body));
        SigningSecret secret = SigningSecret.generate(SigningSecretStore.schemeOf(definition));
        return new Saved(tools.create(tenantId, agentId, definition, secret), secret.reveal());
    }

    /**
     * Changes a tool: fields present replace the stored ones, {@code config} is merged (JSON Merge Patch) unless
     * {@code tool_type} changes ({@link ToolDefinitionParser#patch}). A change of signature scheme issues a new
     * signing secret.
     *
     * @throws ApiException 404, 409 or 422 as for {@link #create}
     */
    public Saved patch(UUID tenantId, UUID agentId, UUID toolId, JsonNode body) {
        Tool existing = require(tenantId, agentId, toolId);
        ToolDefinition definition = valid(parser.patch(existing.definition(), body));
        Tool updated = tools.update(existing, definition);
        SignatureScheme scheme = SigningSecretStore.schemeOf(definition);
        if (scheme != SigningSecretStore.schemeOf(existing.definition())) {
            // a secret of the other scheme's form cannot sign: issue a new one, shown once like at creation
            return new Saved(
                    updated, signingSecrets.replace(existing.id(), scheme).reveal());
        }
        return new Saved(updated, null);
    }

    /**
     * Replaces a tool with {@code body}, a whole tool as the API writes it (what the console's editor holds): the
     * stored tool's fields that {@code body} leaves out are reset, as if sent as {@code null} in a PATCH. Sent as a
     * PATCH whose top-level fields are {@code body}'s and whose {@code config} is the JSON Merge Patch (RFC 7396) from
     * the stored config to {@code body}'s (the PATCH merges config), so {@code "***"} for an auth value keeps the
     * stored secret, as in a PATCH.
     *
     * @throws ApiException 404, 409 or 422 as for {@link #create}
     */
    public Saved replace(UUID tenantId, UUID agentId, UUID toolId, JsonNode body) {
        Tool existing = require(tenantId, agentId, toolId);
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        ObjectNode stored = WRITER.toJson(existing.definition(), true);
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        for (String name : stored.propertyNames()) {
            if (!body.has(name)) {
                patch.putNull(name);
            }
        }
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            boolean sameType = stored.path("tool_type").equals(body.path("tool_type"));
            patch.set(
                    member.getKey(),
                    member.getKey().equals("config") && sameType && stored.has("config")
                            ? mergePatch(stored.get("config"), member.getValue())
                            : member.getValue());
        }
        return patch(tenantId, agentId, toolId, patch);
    }

    /** Returns the example body of a tool of {@code type}: a tool with every field of that type's config. */
    public static ObjectNode example(ToolType type) {
        return ToolExamples.in(type);
    }

    /**
     * The JSON Merge Patch (RFC 7396) that turns {@code from} into {@code to}: members of {@code from} missing in
     * {@code to} become {@code null}, objects in both are diffed member by member, anything else is {@code to}'s.
     */
    static JsonNode mergePatch(JsonNode from, JsonNode to) {
        if (!from.isObject() || !to.isObject()) {
            return to;
        }
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        for (String name : from.propertyNames()) {
            if (!to.has(name)) {
                patch.putNull(name);
            }
        }
        for (Map.Entry<String, JsonNode> member : to.properties()) {
            JsonNode before = from.get(member.getKey());
            if (before == null) {
                patch.set(member.getKey(), member.getValue());
            } else if (!before.equals(member.getValue())) {
                patch.set(member.getKey(), mergePatch(before, member.getValue()));
            }
        }
        return patch;
    }

    /**
     * Deletes a tool.
     *
     * @throws ApiException 404 for an unknown agent or tool
     */
    public void delete(UUID tenantId, UUID agentId, UUID toolId) {
        agents.require(tenantId, agentId);
        if (!tools.delete(tenantId, agentId, toolId)) {
            throw ApiException.notFound("tool");
        }
    }

    /** Returns the longest overlap a rotation may keep the previous secret signing ({@code rotation-overlap}). */
    public Duration maxRotationOverlap() {
        return maxOverlap;
    }

    /**
     * Issues a new signing secret for the tool; the previous ones keep signing for the overlap.
     *
     * @param overlapSeconds how long the previous secrets keep signing, 0..{@link #maxRotationOverlap()} in seconds;
     *     null for the whole configured overlap
     * @throws ApiException 404 for an unknown tool; 422 at {@code overlap_seconds} when it is out of range
     */
    public SigningSecretStore.Rotation rotateSigningSecret(
            UUID tenantId, UUID agentId, UUID toolId, Long overlapSeconds) {
        Duration overlap = overlap(overlapSeconds);
        Tool tool = tools.require(tenantId, agentId, toolId);
        return signingSecrets.rotate(tool.id(), SigningSecretStore.schemeOf(tool.definition()), overlap);
    }

    private Duration overlap(Long seconds) {
        if (seconds == null) {
            return maxOverlap;
        }
        if (seconds < 0 || seconds > maxOverlap.toSeconds()) {
            throw ApiException.invalid(
                    "overlap_seconds",
                    "must be a whole number of seconds from 0 to " + maxOverlap.toSeconds()
                            + " (toolgate.signing.rotation-overlap)");
        }
        return Duration.ofSeconds(seconds);
    }

    private static ToolDefinition valid(ParseResult result) {
        return switch (result) {
            case ParseResult.Valid valid -> valid.definition();
            case ParseResult.Invalid invalid -> throw ApiException.invalid(invalid.errors());
        };
    }
}
