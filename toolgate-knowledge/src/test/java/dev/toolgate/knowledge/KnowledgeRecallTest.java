package dev.toolgate.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.knowledge.KnowledgeHit;
import dev.toolgate.core.retrieval.Chunk;
import dev.toolgate.core.retrieval.Chunker;
import dev.toolgate.core.retrieval.ChunkingRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retrieval quality over the project's own documentation: every docs/*.md page is extracted, chunked, embedded and
 * indexed exactly as an uploaded Markdown document is, then each question of {@code knowledge/docs-questions.tsv}
 * is searched; recall@3 is the share of questions whose expected section is among the first three hits. The
 * figure is printed, and a floor guards it (docs/knowledge-base.md, "Quality").
 */
class KnowledgeRecallTest {

    /** The lowest recall@3 accepted; the measured figure is in docs/knowledge-base.md. */
    static final double RECALL_AT_3_FLOOR = 0.7;

    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);
    private static final Embedder EMBEDDER = new Embedder(THREADS);

    @TempDir
    static Path folder;

    private static AgentIndex index;

    record Question(String text, List<String[]> expected) {}

    @BeforeAll
    static void indexTheDocs() throws IOException, ExtractionException {
        index = new AgentIndex(folder.resolve("index"));
        Chunker chunker = new Chunker(ChunkingRules.DEFAULT, EMBEDDER::countTokens);
        TextExtractor extractor = new TextExtractor();
        Map<UUID, List<StoredChunk>> documents = new HashMap<>();
        List<Path> pages;
        try (Stream<Path> files = Files.list(Path.of("..", "docs"))) {
            pages = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path page : pages) {
            String name = page.getFileName().toString();
            UUID id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
            List<Chunk> chunks = chunker.chunk(extractor.extract(DocumentFormat.MARKDOWN, Files.readAllBytes(page)));
            List<float[]> vectors =
                    EMBEDDER.embedAll(chunks.stream().map(Chunk::text).toList());
            List<StoredChunk> stored = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                stored.add(new StoredChunk(id, name, chunks.get(i), vectors.get(i)));
            }
            documents.put(id, stored);
        }
        index.sync(List.copyOf(documents.keySet()), documents::get);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        THREADS.shutdownNow();
    }

    static List<Question> questions() throws IOException {
        List<Question> questions = new ArrayList<>();
        try (var in = KnowledgeRecallTest.class.getResourceAsStream("/knowledge/docs-questions.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                List<String[]> expected = new ArrayList<>();
                for (String answer : columns[1].split(" \\| ")) {
                    expected.add(answer.strip().split("#", 2));
                }
                questions.add(new Question(columns[0], expected));
            }
        }
        return questions;
    }

    private static boolean answers(KnowledgeHit hit, List<String[]> expected) {
        for (String[] answer : expected) {
            if (hit.title().equals(answer[0]) && hit.text().contains(answer[1])) {
                return true;
            }
        }
        return false;
    }

    @Test
    void recallAtThreeOverTheProjectsDocsIsAboveTheFloor() throws IOException {
        List<Question> questions = questions();
        List<String> missed = new ArrayList<>();
        int found = 0;
        for (Question question : questions) {
            List<KnowledgeHit> hits = index.search(EMBEDDER.embed(question.text()), question.text(), 3, 0.0);
            if (hits.stream().anyMatch(hit -> answers(hit, question.expected()))) {
                found++;
            } else {
                missed.add(question.text() + " -> "
                        + hits.stream()
                                .map(h -> h.title() + ":"
                                        + h.text().lines().findFirst().orElse(""))
                                .toList());
            }
        }
        double recall = (double) found / questions.size();
        System.out.printf(
                "knowledge recall@3 over docs/*.md: %d/%d = %.3f (chunks indexed: %d)%n",
                found, questions.size(), recall, index.chunkCount());
        missed.forEach(m -> System.out.println("  missed: " + m));
        assertThat(questions).hasSizeGreaterThanOrEqualTo(30);
        assertThat(recall).as("recall@3; missed: %s", missed).isGreaterThanOrEqualTo(RECALL_AT_3_FLOOR);
    }
}
