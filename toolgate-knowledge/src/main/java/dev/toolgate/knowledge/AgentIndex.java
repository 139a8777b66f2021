package dev.toolgate.knowledge;

import dev.toolgate.core.knowledge.KnowledgeHit;
import dev.toolgate.core.retrieval.HybridRanking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One agent's Lucene index in a folder of its own: a Lucene document per chunk, with its embedding in an HNSW graph
 * ({@link KnnFloatVectorField}, dot product of unit vectors = cosine similarity) and its text under BM25 (Lucene's
 * default similarity, English analysis: stop words, Porter stemming). The commit's user data lists the documents
 * indexed, the embedding model and {@link #FORMAT}, so {@link #sync} can tell what to add and remove, and an index
 * of another model or format is built again.
 *
 * <p>Searches run concurrently with each other and with a sync (Lucene's near-real-time searcher); syncs are
 * serialized. Not for use after {@link #close}. The server keeps one per agent (its {@code KnowledgeIndexes}).
 */
public final class AgentIndex implements AutoCloseable {

    /** The layout of the fields; a change makes every index be built again. */
    public static final String FORMAT = "1";

    /** Vector candidates asked of the HNSW graph per result wanted (and at least {@link #MIN_CANDIDATES}). */
    public static final int CANDIDATES_PER_RESULT = 4;

    /** The fewest candidates asked of each search. */
    public static final int MIN_CANDIDATES = 20;

    static final String DOC_ID = "doc_id";
    static final String CHUNK_INDEX = "chunk_index";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String VECTOR = "vector";
    static final String VECTOR_BYTES = "vector_bytes";
    private static final String DOCUMENTS_KEY = "documents";
    private static final String MODEL_KEY = "model";
    private static final String FORMAT_KEY = "format";

    private final Path folder;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Set<UUID> indexed = new LinkedHashSet<>();

    /**
     * Opens the index in {@code folder}, or creates it; one of another model or format is emptied.
     *
     * @throws IOException when the folder cannot be used
     */
    public AgentIndex(Path folder) throws IOException {
        this.folder = folder;
        Files.createDirectories(folder);
        this.directory = FSDirectory.open(folder);
        boolean compatible = false;
        if (DirectoryReader.indexExists(directory)) {
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            compatible = Embedder.MODEL_NAME.equals(data.get(MODEL_KEY)) && FORMAT.equals(data.get(FORMAT_KEY));
            if (compatible) {
                String documents = data.getOrDefault(DOCUMENTS_KEY, "");
                for (String id : documents.split(",")) {
                    if (!id.isEmpty()) {
                        indexed.add(UUID.fromString(id));
                    }
                }
            }
        }
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(
                        compatible ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE);
        this.writer = new IndexWriter(directory, config);
        if (!compatible) {
            commit();
        }
        this.searchers = new SearcherManager(writer, null);
    }

    /** Returns the folder the index lives in. */
    public Path folder() {
        return folder;
    }

    /** Returns the ids of the documents indexed. */
    public synchronized Set<UUID> indexed() {
        return Set.copyOf(indexed);
    }

    /**
     * Brings the index in step with the ready documents: adds the missing ones, removes the others, commits.
     *
     * @param ready the ids of the agent's ready documents, from the database
     * @param chunks reads one document's chunks with embeddings (empty if it is gone meanwhile)
     * @return whether anything changed
     * @throws IOException when the index cannot be written
     */
    public synchronized boolean sync(List<UUID> ready, ChunkSource chunks) throws IOException {
        Set<UUID> wanted = new LinkedHashSet<>(ready);
        boolean changed = false;
        for (UUID id : List.copyOf(indexed)) {
            if (!wanted.contains(id)) {
                writer.deleteDocuments(new Term(DOC_ID, id.toString()));
                indexed.remove(id);
                changed = true;
            }
        }
        for (UUID id : wanted) {
            if (indexed.contains(id)) {
                continue;
            }
            List<StoredChunk> stored = chunks.read(id);
            if (stored.isEmpty()) {
                continue; // deleted since the list was read, or a document without text
            }
            writer.deleteDocuments(new Term(DOC_ID, id.toString()));
            for (StoredChunk chunk : stored) {
                writer.addDocument(luceneDocument(chunk));
            }
            indexed.add(id);
            changed = true;
        }
        if (changed) {
            commit();
            searchers.maybeRefreshBlocking();
        }
        return changed;
    }

    /** Reads the chunks of one document for the index. */
    @FunctionalInterface
    public interface ChunkSource {
        /**
         * Returns the document's chunks with embeddings, or empty when it is no longer ready.
         *
         * @param documentId the document
         */
        List<StoredChunk> read(UUID documentId);
    }

    private static Document luceneDocument(StoredChunk stored) {
        Document document = new Document();
        document.add(new StringField(DOC_ID, stored.documentId().toString(), Field.Store.YES));
        document.add(new StoredField(CHUNK_INDEX, stored.chunk().index()));
        document.add(new StoredField(TITLE, stored.title()));
        document.add(new TextField(TEXT, stored.chunk().text(), Field.Store.YES));
        document.add(new KnnFloatVectorField(VECTOR, stored.embedding(), VectorSimilarityFunction.DOT_PRODUCT));
        document.add(new StoredField(VECTOR_BYTES, Vectors.bytes(stored.embedding())));
        return document;
    }

    private void commit() throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(MODEL_KEY, Embedder.MODEL_NAME);
        data.put(FORMAT_KEY, FORMAT);
        data.put(
                DOCUMENTS_KEY,
                String.join(",", indexed.stream().map(UUID::toString).toList()));
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    /**
     * Finds the chunks that best answer a query: the HNSW graph's nearest vectors and BM25's best text matches,
     * merged by {@link HybridRanking}.
     *
     * @param queryVector the query's unit embedding
     * @param queryText the query as asked, for BM25
     * @param topK the most hits, >= 1
     * @param similarityThreshold the lowest cosine similarity of a hit, 0..1
     * @return the hits, best first
     * @throws UncheckedIOException when the index cannot be read
     */
    public List<KnowledgeHit> search(float[] queryVector, String queryText, int topK, double similarityThreshold) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return HybridSearch.search(searcher, analyzer, queryVector, queryText, topK, similarityThreshold);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                // a release failure leaves only a reader open until the next refresh
            }
        }
    }

    /** Returns the number of chunks indexed (for tests, the demo and the benchmark). */
    public int chunkCount() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                writer.close();
            } finally {
                directory.close();
                analyzer.close();
            }
        }
    }
}
