package dev.toolgate.server.openapi;

import java.util.List;
import java.util.Optional;

/**
 * The tags of the OpenAPI document, one per resource of the REST API, and the path segment that puts an operation
 * under each: an operation gets the tag of the last literal segment of its path that names one (so
 * {@code /v1/invocations/{id}/replay} is under "invocations" and {@code …/signing-secret/rotate} under "signing
 * secrets"). The order here is the order of the document's {@code tags} and of Swagger UI's sections.
 */
public enum ApiTag {
    AGENTS(
            "agents",
            "agents",
            "An agent is one voice assistant of the tenant; it holds the tools its model may call. Deleting an agent "
                    + "deletes its tools."),
    TOOLS(
            "tools",
            "tools",
            "HTTP tools of an agent: name, description, JSON Schema parameters and the request sent to the tenant's "
                    + "endpoint. Auth values are write-only (\"***\" on every read); the signing secret is shown once, "
                    + "when the tool is created."),
    FUNCTIONS(
            "functions",
            "functions",
            "An agent's enabled tools as LLM function descriptors (OpenAI, Anthropic or Gemini form), by priority."),
    INVOCATIONS(
            "invocations",
            "invocations",
            "One tool call run through the gateway, and the invocation log: every call with its arguments, the "
                    + "request sent (secrets masked), timings and outcome; replay and curl for support."),
    CALLS(
            "calls",
            "calls",
            "Live calls of the voice runtime, by the call id it sends in call.id: the call variables that the tools of"
                    + " a call stored (extract_variable, response_variables)."),
    TOOL_CALLS(
            "tool calls",
            "tool-calls",
            "An OpenAI assistant message's tool_calls run concurrently and answered in order, as tool messages."),
    TEST_FIRES(
            "test fires",
            "test",
            "Try a tool before an agent uses it: with dry_run the request is rendered and its destination judged "
                    + "without sending anything. Test fires have their own rate limit."),
    KNOWLEDGE(
            "knowledge",
            "knowledge",
            "The documents an agent's knowledge_base tools search: text, Markdown, HTML, PDF or DOCX, uploaded or "
                    + "fetched from an https URL, chunked and embedded inside the gateway (docs/knowledge-base.md)."),
    SECRETS(
            "secrets",
            "secrets",
            "Tenant secrets used in tool templates as {{secrets.NAME}}. Write-only: reads show \"***\"."),
    SIGNING_SECRETS(
            "signing secrets",
            "signing-secret",
            "The secret that signs every request of a tool. Rotation issues a new one, shown once, and keeps the "
                    + "previous one signing too for an overlap window."),
    API_KEYS(
            "api keys",
            "api-keys",
            "The tenant's API keys and their scopes. A key's value is shown once, when it is created; it is stored "
                    + "hashed."),
    TENANTS("tenants", "tenants", "Operator only: create tenants (their first admin key is shown once) and list them."),
    RATE_LIMITS(
            "rate limits",
            "rate-limits",
            "A tenant's invocation rate limits per minute (tenant, tool, test fires); the operator sets overrides."),
    HEALTH(
            "health",
            "health",
            "A tool's recent calls: count, error rate, timeouts, invalid arguments, p50/p95 latency and flags."),
    PLATFORM_ADAPTERS(
            "platform adapters",
            "adapters",
            "Tool calls from hosted voice platforms (Vapi, Retell, ElevenLabs) in their own formats, authenticated by"
                    + " the platform's signature or secret instead of an API key (docs/platforms.md).");

    private final String tagName;
    private final String pathSegment;
    private final String description;

    ApiTag(String tagName, String pathSegment, String description) {
        this.tagName = tagName;
        this.pathSegment = pathSegment;
        this.description = description;
    }

    /** Returns the tag's name in the document, e.g. {@code "tool calls"}. */
    public String tagName() {
        return tagName;
    }

    /** Returns the tag's description in the document. */
    public String description() {
        return description;
    }

    /**
     * Returns the tag of an operation on {@code path} (a Spring path pattern such as
     * {@code /v1/agents/{agentId}/tools}): the tag named by the last literal segment that names one, or empty when
     * no segment does.
     */
    public static Optional<ApiTag> forPath(String path) {
        List<String> literals = OperationConventions.literals(path);
        for (int i = literals.size() - 1; i >= 0; i--) {
            for (ApiTag tag : values()) {
                if (tag.pathSegment.equals(literals.get(i))) {
                    return Optional.of(tag);
                }
            }
        }
        return Optional.empty();
    }
}
