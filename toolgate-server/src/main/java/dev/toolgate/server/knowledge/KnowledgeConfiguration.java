package dev.toolgate.server.knowledge;

import dev.toolgate.core.egress.EgressPolicy;
import dev.toolgate.core.exec.HttpExecutor;
import dev.toolgate.core.retrieval.Chunker;
import dev.toolgate.core.retrieval.ChunkingRules;
import dev.toolgate.knowledge.Embedder;
import dev.toolgate.knowledge.TextExtractor;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.RequestBodyLimitFilter;
import dev.toolgate.server.config.ToolgateProperties;
import dev.toolgate.server.invalidation.InvalidationBus;
import jakarta.servlet.MultipartConfigElement;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/**
 * Wires the knowledge bases from {@code toolgate.knowledge.*} (docs/configuration.md): the embedding model, the
 * pipeline, the per-agent indexes under {@code <data-dir>/knowledge-index}, the {@link LuceneKnowledgeSearch} that
 * {@code knowledge_base} tools call (primary, so it replaces any fallback), the larger body bound of the document
 * upload path and the multipart settings. At start, on a virtual thread: documents left processing by a stopped
 * instance are failed, and every agent's index is brought in step with the database.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeConfiguration.class);

    /** Room for the JSON or multipart envelope around a document of the largest size, in bytes. */
    static final long ENVELOPE_BYTES = 1024 * 1024;

    /** The folder under the data dir that holds the indexes. */
    static final String INDEX_FOLDER = "knowledge-index";

    @Bean(destroyMethod = "shutdown")
    ExecutorService embeddingThreads() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        return Executors.newFixedThreadPool(
                threads,
                Thread.ofPlatform().daemon().name("toolgate-embedding-", 0).factory());
    }

    @Bean
    Embedder embedder(ExecutorService embeddingThreads) {
        return new Embedder(embeddingThreads);
    }

    @Bean(destroyMethod = "close")
    DocumentFetcher documentFetcher(ToolgateProperties properties, EgressPolicy egress, HttpExecutor executor) {
        return new DocumentFetcher(
                egress,
                executor.config().extraTrustedCertificates(),
                properties.knowledge().fetchBudget(),
                properties.knowledge().maxDocumentBytes(),
                executor.config().userAgent());
    }

    @Bean(destroyMethod = "close")
    DocumentProcessor documentProcessor(
            DocumentStore store, Embedder embedder, DocumentFetcher fetcher, InvalidationBus invalidations) {
        Chunker chunker = new Chunker(ChunkingRules.DEFAULT, embedder::countTokens);
        return new DocumentProcessor(
                store, new DocumentProcessor.Parts(new TextExtractor(), chunker, embedder, fetcher), invalidations);
    }

    @Bean(destroyMethod = "close")
    KnowledgeIndexes knowledgeIndexes(
            ToolgateProperties properties, DocumentStore store, InvalidationBus invalidations) {
        Path root = properties.dataDir().toAbsolutePath().normalize().resolve(INDEX_FOLDER);
        return new KnowledgeIndexes(root, store, invalidations);
    }

    @Bean
    @Primary
    LuceneKnowledgeSearch luceneKnowledgeSearch(KnowledgeIndexes indexes, Embedder embedder) {
        return new LuceneKnowledgeSearch(indexes, embedder);
    }

    @Bean
    KnowledgeService knowledgeService(
            ToolgateProperties properties,
            AgentStore agents,
            DocumentStore store,
            DocumentProcessor processor,
            DocumentFetcher fetcher,
            InvalidationBus invalidations) {
        properties.validate();
        return new KnowledgeService(
                agents,
                store,
                processor,
                fetcher,
                invalidations,
                new KnowledgeService.KnowledgeLimits(
                        properties.knowledge().maxDocumentBytes(),
                        properties.knowledge().maxDocumentsPerAgent()));
    }

    /** A document upload may be as large as a document plus its envelope; every other body keeps the API's bound. */
    @Bean
    RequestBodyLimitFilter.PathLimit documentUploadLimit(ToolgateProperties properties) {
        return new RequestBodyLimitFilter.PathLimit(
                "POST",
                KnowledgeController.PATH,
                properties.knowledge().maxDocumentBytes() + ENVELOPE_BYTES,
                "toolgate.knowledge.max-document-bytes");
    }

    /**
     * Multipart bodies are parsed by Tomcat itself, past the body filter's counting stream: these bounds stop a
     * chunked upload at the same size. Parts over 1 MiB are spooled to a temporary file, not held in memory.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(ToolgateProperties properties) {
        long max = properties.knowledge().maxDocumentBytes() + ENVELOPE_BYTES;
        return new MultipartConfigElement("", max, max, 1024 * 1024);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService knowledgeMaintenance() {
        return Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("toolgate-knowledge-maintenance").factory());
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady(ApplicationReadyEvent event) {
        ScheduledExecutorService maintenance =
                event.getApplicationContext().getBean("knowledgeMaintenance", ScheduledExecutorService.class);
        DocumentProcessor processor = event.getApplicationContext().getBean(DocumentProcessor.class);
        KnowledgeIndexes indexes = event.getApplicationContext().getBean(KnowledgeIndexes.class);
        long period = DocumentProcessor.STALE_AFTER.toSeconds() / 2;
        maintenance.scheduleAtFixedRate(
                () -> {
                    try {
                        int failed = processor.failStale();
                        if (failed > 0) {
                            log.warn(
                                    "{} knowledge document(s) were left processing by a stopped instance: failed",
                                    failed);
                        }
                    } catch (RuntimeException e) {
                        log.warn("Cannot check for interrupted knowledge documents: {}", e.toString());
                    }
                },
                0,
                period,
                TimeUnit.SECONDS);
        maintenance.execute(() -> {
            try {
                indexes.syncAll();
            } catch (RuntimeException e) {
                log.warn("Cannot bring the knowledge indexes in step with the database: {}", e.toString());
            }
        });
    }
}
