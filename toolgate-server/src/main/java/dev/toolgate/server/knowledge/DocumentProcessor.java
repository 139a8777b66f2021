package dev.toolgate.server.knowledge;

import dev.toolgate.core.retrieval.Chunk;
import dev.toolgate.core.retrieval.Chunker;
import dev.toolgate.core.retrieval.TextBlock;
import dev.toolgate.knowledge.DocumentFormat;
import dev.toolgate.knowledge.Embedder;
import dev.toolgate.knowledge.ExtractionException;
import dev.toolgate.knowledge.TextExtractor;
import dev.toolgate.server.invalidation.InvalidationBus;
import dev.toolgate.server.invalidation.InvalidationEvent;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

/**
 * Reads documents in the background (docs/knowledge-base.md, "Processing"): each on a virtual thread, one at a
 * time per instance (embedding keeps the cores busy; a fair queue keeps the order of arrival). A document goes
 * fetch (for a URL) → extract → chunk → embed → store, then {@code ready} with an
 * {@link InvalidationEvent.KnowledgeChanged} so every instance indexes it; any failure makes it {@code failed} with
 * a reason safe to show. Progress is written every {@link #EMBEDDING_BATCH} chunks, so a document whose instance
 * stopped is recognised by its silence ({@link #STALE_AFTER}) and failed by {@link #failStale}.
 */
public final class DocumentProcessor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DocumentProcessor.class);

    /** Chunks embedded per call of the model, and between two progress writes. */
    public static final int EMBEDDING_BATCH = 32;

    /** A document processing without progress for this long has lost its instance. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);

    /** The reason a document whose processing was cut off gets. */
    static final String INTERRUPTED = "processing was interrupted (the server stopped); add the document again";

    private final DocumentStore store;
    private final TextExtractor extractor;
    private final Chunker chunker;
    private final Embedder embedder;
    private final DocumentFetcher fetcher;
    private final InvalidationBus invalidations;
    private final Semaphore turn = new Semaphore(1, true);
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("toolgate-knowledge-", 0).factory());

    /** What a document is read from: bytes that came with the request, or a URL to fetch. */
    sealed interface Content {
        /** Uploaded bytes of a known format. */
        record Uploaded(byte[] bytes) implements Content {}

        /** An https URL that passed the egress policy's first check. */
        record Remote(String url) implements Content {}
    }

    /** The parts of the pipeline. */
    record Parts(TextExtractor extractor, Chunker chunker, Embedder embedder, DocumentFetcher fetcher) {}

    DocumentProcessor(DocumentStore store, Parts parts, InvalidationBus invalidations) {
        this.store = store;
        this.extractor = parts.extractor();
        this.chunker = parts.chunker();
        this.embedder = parts.embedder();
        this.fetcher = parts.fetcher();
        this.invalidations = invalidations;
    }

    /** Starts reading a document just created (status processing) on a virtual thread. */
    void submit(KnowledgeDocument document, Content content) {
        threads.execute(() -> run(document, content));
    }

    /** Fails the documents whose processing stopped without a word for {@link #STALE_AFTER}; returns how many. */
    int failStale() {
        return store.failStale(Instant.now().minus(STALE_AFTER), INTERRUPTED);
    }

    private void run(KnowledgeDocument document, Content content) {
        try {
            turn.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.failed(document.id(), INTERRUPTED);
            return;
        }
        try {
            process(document, content);
        } catch (ExtractionException e) {
            store.failed(document.id(), e.getMessage());
        } catch (DocumentFetcher.FetchFailed e) {
            store.failed(document.id(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Knowledge document {} could not be processed", document.id(), e);
            store.failed(document.id(), "an internal error occurred while reading the document; it has been logged");
        } finally {
            turn.release();
        }
    }

    private void process(KnowledgeDocument document, Content content)
            throws ExtractionException, DocumentFetcher.FetchFailed {
        DocumentFormat format = document.source().format();
        byte[] bytes;
        switch (content) {
            case Content.Uploaded uploaded -> bytes = uploaded.bytes();
            case Content.Remote remote -> {
                DocumentFetcher.Fetched fetched = fetcher.fetch(remote.url());
                format = DocumentFormat.ofMediaType(fetched.contentType())
                        .orElseThrow(() -> new ExtractionException(
                                "the URL answered a type a knowledge base does not read ("
                                        + safeType(fetched.contentType()) + "); readable: " + DocumentFormat.accepted(),
                                null));
                bytes = utf8(fetched, format);
                store.progress(document.id(), bytes.length, format);
            }
        }
        List<TextBlock> blocks = extractor.extract(format, bytes);
        List<Chunk> chunks = chunker.chunk(blocks);
        if (chunks.isEmpty()) {
            throw new ExtractionException("the document has no text to search", null);
        }
        List<float[]> vectors = new ArrayList<>(chunks.size());
        for (int from = 0; from < chunks.size(); from += EMBEDDING_BATCH) {
            List<Chunk> batch = chunks.subList(from, Math.min(chunks.size(), from + EMBEDDING_BATCH));
            vectors.addAll(embedder.embedAll(batch.stream().map(Chunk::text).toList()));
            store.progress(document.id(), bytes.length, format);
        }
        if (store.ready(document.id(), chunks, vectors)) {
            invalidations.publish(new InvalidationEvent.KnowledgeChanged(
                    document.owner().tenantId(), document.owner().agentId()));
        }
    }

    /** Text bodies in another charset than UTF-8 are converted, so every extractor reads UTF-8 (HTML reads its own). */
    private static byte[] utf8(DocumentFetcher.Fetched fetched, DocumentFormat format) {
        if (format == DocumentFormat.HTML || format == DocumentFormat.PDF || format == DocumentFormat.DOCX) {
            return fetched.body();
        }
        Charset charset = StandardCharsets.UTF_8;
        try {
            Charset declared = MediaType.parseMediaType(fetched.contentType()).getCharset();
            if (declared != null) {
                charset = declared;
            }
        } catch (RuntimeException e) {
            // an unknown charset: read as UTF-8, which fails clearly when it is not
        }
        return charset.equals(StandardCharsets.UTF_8)
                ? fetched.body()
                : new String(fetched.body(), charset).getBytes(StandardCharsets.UTF_8);
    }

    private static String safeType(String contentType) {
        if (contentType == null) {
            return "no Content-Type";
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getType() + "/" + type.getSubtype();
        } catch (RuntimeException e) {
            return "an invalid Content-Type";
        }
    }

    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }
}
