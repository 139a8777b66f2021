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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the knowledge bases from {@code toolgate.knowledge.*} (docs/configuration.md): the embedding model, the
 * pipeline, the per-agent indexes under {@code <data-dir>/knowledge-index/<slot>} ({@link IndexFolder}), the {@link LuceneKnowledgeSearch} that
 * {@code knowledge_base} tools call (primary, so it replaces any fallback), the larger body bound of the document
 * upload path and the multipart settings, and the {@link KnowledgeMaintenance} jobs.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

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
    KnowledgeIndexes knowledgeIndexes(IndexFolder indexFolder, DocumentStore store, InvalidationBus invalidations) {
        return new KnowledgeIndexes(indexFolder.path(), store, invalidations);
    }

    @Bean(destroyMethod = "close")
    IndexFolder indexFolder(ToolgateProperties properties) {
        return IndexFolder.claim(
                properties.dataDir().toAbsolutePath().normalize().resolve(INDEX_FOLDER));
    }

    @Bean
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

    @Bean(destroyMethod = "close")
    KnowledgeMaintenance knowledgeMaintenance(DocumentProcessor processor, KnowledgeIndexes indexes) {
        return new KnowledgeMaintenance(processor, indexes);
    }
}
