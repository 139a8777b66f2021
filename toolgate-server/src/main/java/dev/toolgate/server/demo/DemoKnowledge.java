package dev.toolgate.server.demo;

import dev.toolgate.core.knowledge.KnowledgeHit;
import dev.toolgate.core.knowledge.KnowledgeSearch;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's knowledge base (docs/knowledge-base.md): a few pages of the project's own docs, shipped in the jar under
 * {@value #FOLDER}, are added to an agent through the REST API as Markdown, read in the background until
 * {@code ready}, and then searched with questions a caller might ask, through the same {@link KnowledgeSearch} a
 * {@code knowledge_base} tool calls. Each answer's best chunks are printed; the part passes when every question
 * finds its expected page among the first three.
 */
final class DemoKnowledge {

    /** Where the pages are in the jar (copied from docs/ by the build). */
    static final String FOLDER = "/demo/docs/";

    /** The pages added, from docs/. */
    static final List<String> PAGES = List.of("security.md", "signing.md", "rate-limits.md", "secrets.md");

    /** How long the demo waits for the pages to be ready. */
    static final Duration READY_WITHIN = Duration.ofMinutes(2);

    /** Questions and the page that answers each. */
    static final List<String[]> QUESTIONS = List.of(
            new String[] {"Why can a tool not reach an address like 10.0.0.1?", "security.md"},
            new String[] {"How do I check a request signature by hand with openssl?", "signing.md"},
            new String[] {"How many tool calls a minute may one tenant make?", "rate-limits.md"},
            new String[] {"How do I keep an API token for my tools without it being shown again?", "secrets.md"});

    /**
     * What the part found.
     *
     * @param documents pages that became ready
     * @param chunks their chunks
     * @param answered questions whose page was among the first three hits
     * @param asked questions asked
     */
    record Result(int documents, int chunks, int answered, int asked) {
        /** Every page ready and every question answered by its page. */
        boolean passed() {
            return documents == PAGES.size() && answered == asked;
        }
    }

    private DemoKnowledge() {}

    /** Runs the part against a running gateway and prints what it found. */
    static Result run(DemoApi api, KnowledgeSearch search, UUID tenantId, PrintStream out)
            throws IOException, InterruptedException {
        String agentId = api.post("/v1/agents", object("name", "Knowledge demo", "description", "Toolgate's docs"))
                .get("id")
                .asString();
        out.printf("Adding %d pages of docs/ as an agent's knowledge base ...%n", PAGES.size());
        List<String> ids = new ArrayList<>();
        for (String page : PAGES) {
            ObjectNode body = object("title", page, "content", read(page), "content_type", "text/markdown");
            ids.add(api.post("/v1/agents/" + agentId + "/knowledge/documents", body)
                    .get("id")
                    .asString());
        }
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        int ready = 0;
        int chunks = 0;
        for (String id : ids) {
            while (true) {
                JsonNode document = api.get("/v1/agents/" + agentId + "/knowledge/documents/" + id);
                String status = document.get("status").asString();
                if (status.equals("ready")) {
                    ready++;
                    chunks += document.get("chunk_count").asInt();
                    break;
                }
                if (status.equals("failed") || System.nanoTime() > deadline) {
                    out.printf(
                            "  %s: %s %s%n", document.get("title").asString(), status, document.get("failure_reason"));
                    break;
                }
                Thread.sleep(100); // polling the API as a tenant would; the document is read in the background
            }
        }
        out.printf("  %d pages ready, %d chunks%n", ready, chunks);
        int answered = 0;
        for (String[] question : QUESTIONS) {
            long t0 = System.nanoTime();
            List<KnowledgeHit> hits = search.search(tenantId, UUID.fromString(agentId), question[0], 3, 0.2);
            double ms = (System.nanoTime() - t0) / 1e6;
            boolean found = hits.stream().anyMatch(hit -> hit.title().equals(question[1]));
            if (found) {
                answered++;
            }
            out.printf("  Q: %s  (%.1f ms, %s)%n", question[0], ms, found ? "found " + question[1] : "MISSED");
            for (KnowledgeHit hit : hits) {
                out.printf(
                        Locale.ROOT,
                        "     %.2f  %s: %s%n",
                        hit.score(),
                        hit.title(),
                        hit.text().lines().findFirst().orElse(""));
            }
        }
        Result result = new Result(ready, chunks, answered, QUESTIONS.size());
        out.printf(
                "Knowledge base: %d/%d questions found their page: %s%n",
                answered, QUESTIONS.size(), result.passed() ? "PASS" : "FAIL");
        return result;
    }

    private static String read(String page) throws IOException {
        try (InputStream in = DemoKnowledge.class.getResourceAsStream(FOLDER + page)) {
            if (in == null) {
                throw new IOException("the jar has no " + FOLDER + page);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ObjectNode object(String... keyValues) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.put(keyValues[i], keyValues[i + 1]);
        }
        return node;
    }
}
