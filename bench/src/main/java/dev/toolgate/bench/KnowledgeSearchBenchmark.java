package dev.toolgate.bench;

import dev.toolgate.core.knowledge.KnowledgeHit;
import dev.toolgate.core.retrieval.Chunk;
import dev.toolgate.core.retrieval.Chunker;
import dev.toolgate.core.retrieval.ChunkingRules;
import dev.toolgate.knowledge.AgentIndex;
import dev.toolgate.knowledge.DocumentFormat;
import dev.toolgate.knowledge.Embedder;
import dev.toolgate.knowledge.ExtractionException;
import dev.toolgate.knowledge.StoredChunk;
import dev.toolgate.knowledge.TextExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * The latency of one knowledge-base search as a {@code knowledge_base} tool call pays it (bench/README.md,
 * "Knowledge search"): the query's embedding (all-MiniLM-L6-v2 in this JVM) plus the hybrid HNSW + BM25 search of
 * one agent's Lucene index of {@value #CHUNKS} chunks, top 3. JMH sample time, one thread.
 *
 * <p>The index: every page of docs/*.md extracted, chunked and embedded as an upload is (about 170 real chunks),
 * then repeated with a small random perturbation of each vector (Gaussian, σ = {@value #NOISE} per component, then
 * normalized again: a cosine of about 0.93 to its original) and its index appended to the text, in 50 documents,
 * until there are {@value #CHUNKS}. HNSW and BM25 costs depend on the number of vectors and postings, not on their
 * meaning, so this stands in for 10,000 distinct chunks, which would take minutes to embed first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KnowledgeSearchBenchmark {

    /** Chunks in the index. */
    public static final int CHUNKS = 10_000;

    /** Standard deviation of the perturbation added to each vector component of a repeated chunk. */
    public static final double NOISE = 0.02;

    /** The folder of the Markdown pages indexed; {@code -Dtoolgate.docs=...} to change. */
    public static final String DOCS_PROPERTY = "toolgate.docs";

    private static final int DOCUMENTS = 50;

    private static final List<String> QUESTIONS = List.of(
            "How do I check a request signature by hand with openssl?",
            "What happens to the old signing secret after a rotation?",
            "Why can a tool not call an address like 10.0.0.1?",
            "What does HTTP_TOOL_TIMEOUT mean and how do I fix it?",
            "How many tool calls a minute may one tenant make by default?",
            "How do I keep a CRM token for my tools without it being shown again?",
            "How long are invocation records kept before they are deleted?",
            "How do I run three instances behind nginx?",
            "How fast should my endpoint answer a tool call?",
            "How does the model send DTMF digits during a call?",
            "Which headers does Toolgate send to my endpoint?",
            "How do I try a tool without sending anything to my endpoint?");

    private ExecutorService threads;
    private Embedder embedder;
    private AgentIndex index;
    private Path folder;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException, ExtractionException {
        threads = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        embedder = new Embedder(threads);
        List<StoredChunk> real = realChunks(Path.of(System.getProperty(DOCS_PROPERTY, "docs")));
        Random random = new Random(42);
        Map<UUID, List<StoredChunk>> documents = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (int d = 0; d < DOCUMENTS; d++) {
            UUID id = new UUID(0, d);
            ids.add(id);
            documents.put(id, new ArrayList<>());
        }
        for (int i = 0; i < CHUNKS; i++) {
            StoredChunk base = real.get(i % real.size());
            float[] vector = i < real.size() ? base.embedding() : perturbed(base.embedding(), random);
            UUID document = ids.get(i % DOCUMENTS);
            List<StoredChunk> chunks = documents.get(document);
            Chunk chunk = new Chunk(
                    chunks.size(),
                    base.chunk().section(),
                    base.chunk().text() + " [" + i + "]",
                    base.chunk().tokenCount());
            chunks.add(new StoredChunk(document, base.title(), chunk, vector));
        }
        folder = Files.createTempDirectory("toolgate-knowledge-bench");
        index = new AgentIndex(folder);
        index.sync(ids, documents::get);
        if (index.chunkCount() != CHUNKS) {
            throw new IllegalStateException("indexed " + index.chunkCount() + " chunks, not " + CHUNKS);
        }
    }

    private List<StoredChunk> realChunks(Path docs) throws IOException, ExtractionException {
        Chunker chunker = new Chunker(ChunkingRules.DEFAULT, embedder::countTokens);
        TextExtractor extractor = new TextExtractor();
        List<Path> pages;
        try (Stream<Path> files = Files.list(docs)) {
            pages = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        List<StoredChunk> chunks = new ArrayList<>();
        for (Path page : pages) {
            List<Chunk> pageChunks =
                    chunker.chunk(extractor.extract(DocumentFormat.MARKDOWN, Files.readAllBytes(page)));
            List<float[]> vectors =
                    embedder.embedAll(pageChunks.stream().map(Chunk::text).toList());
            for (int i = 0; i < pageChunks.size(); i++) {
                chunks.add(new StoredChunk(
                        new UUID(1, chunks.size()), page.getFileName().toString(), pageChunks.get(i), vectors.get(i)));
            }
        }
        if (chunks.isEmpty()) {
            throw new IllegalStateException("no chunks from " + docs.toAbsolutePath());
        }
        return chunks;
    }

    private static float[] perturbed(float[] vector, Random random) {
        float[] copy = new float[vector.length];
        double sum = 0;
        for (int i = 0; i < vector.length; i++) {
            copy[i] = (float) (vector[i] + random.nextGaussian() * NOISE);
            sum += copy[i] * copy[i];
        }
        double norm = Math.sqrt(sum);
        for (int i = 0; i < copy.length; i++) {
            copy[i] = (float) (copy[i] / norm);
        }
        return copy;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        index.close();
        threads.shutdownNow();
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** One search as a tool call runs it: embed the query, then the hybrid search, top 3. */
    @Benchmark
    public List<KnowledgeHit> search() {
        String query = QUESTIONS.get(next++ % QUESTIONS.size());
        return index.search(embedder.embed(query), query, 3, 0.0);
    }

    /**
     * Runs the benchmark in one forked JVM and prints p50, p95 and p99 in milliseconds.
     *
     * @param args {@code [warm-up iterations] [measured iterations] [seconds per iteration]}, default 3 5 2
     * @throws RunnerException when JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        var options = new OptionsBuilder()
                .include(KnowledgeSearchBenchmark.class.getName() + "\\.search$")
                .forks(1)
                .threads(1)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("-Xmx1g", "-D" + DOCS_PROPERTY + "=" + System.getProperty(DOCS_PROPERTY, "docs"))
                .build();
        for (RunResult result : new Runner(options).run()) {
            Statistics stats = result.getPrimaryResult().getStatistics();
            System.out.printf(
                    "knowledge search over %,d chunks (embedding + HNSW + BM25, top 3): p50 %.2f ms, p95 %.2f ms,"
                            + " p99 %.2f ms, %,d samples, %d cores%n",
                    CHUNKS,
                    stats.getPercentile(50),
                    stats.getPercentile(95),
                    stats.getPercentile(99),
                    stats.getN(),
                    Runtime.getRuntime().availableProcessors());
        }
    }
}
