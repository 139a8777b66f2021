package dev.toolgate.core.engine;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.knowledge.KnowledgeHit;
import dev.toolgate.core.knowledge.KnowledgeSearch;
import dev.toolgate.core.knowledge.KnowledgeSearchException;
import dev.toolgate.core.tool.KnowledgeBaseConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a {@code knowledge_base} tool call: asks the {@link KnowledgeSearch} for the agent's chunks that answer the
 * model's {@code query}, at most the tool's {@code top_k}, none under its {@code similarity_threshold}, best first
 * (the engine enforces both again on what the search returns). The model's content:
 *
 * <pre>{@code
 * {"results": [{"document_id": "...", "title": "...", "text": "...", "score": 0.83}, ...],
 *  "hint": "Answer from these results only; ..."}
 * {"results": [], "message": "Nothing was found in the knowledge base for this question.",
 *  "hint": "Tell the caller you could not find that information; ..."}
 * }</pre>
 *
 * A search that cannot run ({@link KnowledgeSearchException}, or any other failure of the search) is
 * {@code HTTP_TOOL_KNOWLEDGE_UNAVAILABLE}. A dry run searches as well: a search reads only. Thread-safe.
 */
final class KnowledgeRunner implements ToolRunner {

    /** The hint given with results. */
    static final String RESULTS_HINT = "Answer from these results only, in a sentence or two; if they do not answer"
            + " the question, say you do not know rather than guessing.";

    /** The message given when nothing was found. */
    static final String NOTHING_FOUND = "Nothing was found in the knowledge base for this question.";

    /** The hint given when nothing was found. */
    static final String NOTHING_FOUND_HINT = "Tell the caller you could not find that information; do not guess."
            + " Offer to help with something else or to pass the question on.";

    private final KnowledgeSearch search;

    KnowledgeRunner(KnowledgeSearch search) {
        this.search = Objects.requireNonNull(search, "search");
    }

    @Override
    public TestFireResult run(Run run) {
        KnowledgeBaseConfig config =
                (KnowledgeBaseConfig) run.tool().definition().config();
        String query = run.arguments().path("query").asString("").strip();
        if (query.isEmpty()) {
            ToolError blank = new ToolError(
                    ErrorCode.HTTP_TOOL_INVALID_ARGS,
                    "The query is blank.",
                    "Call the tool again with the caller's question in a few words as the query.");
            return new TestFireResult(
                    null, null, Outcomes.unsent(run.invocation(), run.startNanos(), blank, run.arguments(), null));
        }
        List<KnowledgeHit> hits;
        try {
            hits = search.search(
                    run.tool().tenantId(), run.tool().agentId(), query, config.topK(), config.similarityThreshold());
        } catch (KnowledgeSearchException e) {
            return unavailable(run, "The knowledge base cannot be searched right now; nothing was looked up.");
        } catch (RuntimeException e) {
            // a faulty search implementation: the call must still end in a value, never in a stack trace
            return unavailable(run, "The knowledge-base search failed; nothing was looked up.");
        }
        List<KnowledgeHit> best = hits == null
                ? List.of()
                : hits.stream()
                        .filter(Objects::nonNull)
                        .filter(hit -> hit.score() >= config.similarityThreshold())
                        .sorted(Comparator.comparingDouble(KnowledgeHit::score).reversed())
                        .limit(config.topK())
                        .toList();
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        ArrayNode results = content.putArray("results");
        for (KnowledgeHit hit : best) {
            results.addObject()
                    .put("document_id", hit.documentId())
                    .put("title", hit.title())
                    .put("text", hit.text())
                    .put("score", hit.score());
        }
        if (best.isEmpty()) {
            content.put("message", NOTHING_FOUND);
            content.put("hint", NOTHING_FOUND_HINT);
        } else {
            content.put("hint", RESULTS_HINT);
        }
        return new TestFireResult(null, null, Outcomes.ok(run, content, null));
    }

    private static TestFireResult unavailable(Run run, String message) {
        ToolError error = ToolError.of(ErrorCode.HTTP_TOOL_KNOWLEDGE_UNAVAILABLE, message);
        return new TestFireResult(
                null, null, Outcomes.unsent(run.invocation(), run.startNanos(), error, run.arguments(), null));
    }
}
