package dev.toolgate.server.knowledge;

import dev.toolgate.core.tool.FieldError;
import dev.toolgate.knowledge.DocumentFormat;
import dev.toolgate.knowledge.StoredChunk;
import dev.toolgate.server.agent.AgentStore;
import dev.toolgate.server.api.ApiErrorCode;
import dev.toolgate.server.api.ApiException;
import dev.toolgate.server.invalidation.InvalidationBus;
import dev.toolgate.server.invalidation.InvalidationEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.multipart.MultipartFile;

/**
 * The rules of adding and removing documents (docs/knowledge-base.md, "Limits"): the agent must be the tenant's,
 * a document is at most {@code toolgate.knowledge.max-document-bytes} (413 {@code document_too_large}), an agent
 * holds at most {@code max-documents-per-agent} (422 {@code too_many_documents}), only the {@link DocumentFormat}s
 * are read (422 {@code unsupported_document_type}), and a URL must pass the egress policy's first check (422 on
 * {@code url}). Accepted documents are processed in the background; every change is announced on the
 * invalidation bus.
 */
final class KnowledgeService {

    /** The types a JSON {@code content} may have (binary types come as multipart files). */
    static final Set<DocumentFormat> TEXT_FORMATS =
            Set.of(DocumentFormat.PLAIN_TEXT, DocumentFormat.MARKDOWN, DocumentFormat.HTML);

    private final AgentStore agents;
    private final DocumentStore store;
    private final DocumentProcessor processor;
    private final DocumentFetcher fetcher;
    private final InvalidationBus invalidations;
    private final KnowledgeLimits limits;

    /**
     * @param maxDocumentBytes bytes of one document
     * @param maxDocumentsPerAgent documents per agent
     */
    record KnowledgeLimits(long maxDocumentBytes, int maxDocumentsPerAgent) {}

    KnowledgeService(
            AgentStore agents,
            DocumentStore store,
            DocumentProcessor processor,
            DocumentFetcher fetcher,
            InvalidationBus invalidations,
            KnowledgeLimits limits) {
        this.agents = agents;
        this.store = store;
        this.processor = processor;
        this.fetcher = fetcher;
        this.invalidations = invalidations;
        this.limits = limits;
    }

    /** Adds a document given as JSON text or URL; it is processed in the background. */
    KnowledgeDocument create(UUID tenantId, UUID agentId, DocumentIn in) {
        agents.require(tenantId, agentId);
        boolean hasContent = in.content() != null;
        boolean hasUrl = in.url() != null;
        if (hasContent == hasUrl) {
            List<FieldError> errors = new ArrayList<>();
            String message = hasContent ? "give either content or url, not both" : "give content or url";
            errors.add(new FieldError("content", message));
            errors.add(new FieldError("url", message));
            throw ApiException.invalid(errors);
        }
        KnowledgeDocument.Owner owner = new KnowledgeDocument.Owner(tenantId, agentId);
        String title = in.title().strip();
        if (hasUrl) {
            if (in.contentType() != null) {
                throw ApiException.invalid("content_type", "is taken from the URL's answer; leave it out with url");
            }
            String refusal = fetcher.refusal(in.url());
            if (refusal != null) {
                throw ApiException.invalid("url", refusal);
            }
            checkRoom(owner);
            DocumentFormat guess = DocumentFormat.ofFileName(pathOf(in.url())).orElse(DocumentFormat.HTML);
            KnowledgeDocument document = store.create(owner, new KnowledgeDocument.Source(title, guess, in.url(), 0));
            processor.submit(document, new DocumentProcessor.Content.Remote(in.url()));
            return document;
        }
        DocumentFormat format = in.contentType() == null
                ? DocumentFormat.PLAIN_TEXT
                : DocumentFormat.ofMediaType(in.contentType())
                        .filter(TEXT_FORMATS::contains)
                        .orElseThrow(() -> new ApiException(
                                ApiErrorCode.UNSUPPORTED_DOCUMENT_TYPE,
                                "content_type must be text/plain, text/markdown or text/html; upload PDF and DOCX"
                                        + " files as multipart/form-data",
                                List.of(new FieldError("content_type", "is not a readable text type"))));
        byte[] bytes = in.content().getBytes(StandardCharsets.UTF_8);
        checkSize(bytes.length);
        if (in.content().isBlank()) {
            throw ApiException.invalid("content", "must not be blank");
        }
        return accept(owner, new KnowledgeDocument.Source(title, format, null, bytes.length), bytes);
    }

    /** Adds an uploaded file; it is processed in the background. */
    KnowledgeDocument upload(UUID tenantId, UUID agentId, MultipartFile file, String title) {
        agents.require(tenantId, agentId);
        if (file == null || file.isEmpty()) {
            throw ApiException.invalid("file", "is required and must not be empty");
        }
        checkSize(file.getSize());
        DocumentFormat format = DocumentFormat.ofMediaType(file.getContentType())
                .or(() -> DocumentFormat.ofFileName(file.getOriginalFilename()))
                .orElseThrow(() -> new ApiException(
                        ApiErrorCode.UNSUPPORTED_DOCUMENT_TYPE,
                        "the file is not one of: " + DocumentFormat.accepted(),
                        List.of(new FieldError("file", "is not a readable document type"))));
        String name = title != null && !title.isBlank()
                ? title.strip()
                : Optional.ofNullable(file.getOriginalFilename())
                        .filter(n -> !n.isBlank())
                        .orElse("untitled");
        if (name.length() > DocumentIn.MAX_TITLE) {
            throw ApiException.invalid("title", "must be at most " + DocumentIn.MAX_TITLE + " characters");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return accept(
                new KnowledgeDocument.Owner(tenantId, agentId),
                new KnowledgeDocument.Source(name, format, null, bytes.length),
                bytes);
    }

    private KnowledgeDocument accept(KnowledgeDocument.Owner owner, KnowledgeDocument.Source source, byte[] bytes) {
        checkRoom(owner);
        KnowledgeDocument document = store.create(owner, source);
        processor.submit(document, new DocumentProcessor.Content.Uploaded(bytes));
        return document;
    }

    /** Returns the agent's documents. */
    List<KnowledgeDocument> list(UUID tenantId, UUID agentId) {
        agents.require(tenantId, agentId);
        return store.list(tenantId, agentId);
    }

    /** Returns one document, or 404. */
    KnowledgeDocument get(UUID tenantId, UUID agentId, UUID documentId) {
        agents.require(tenantId, agentId);
        return store.find(tenantId, agentId, documentId).orElseThrow(() -> ApiException.notFound("document"));
    }

    /** Returns a document's chunks (empty unless it is ready), or 404. */
    List<StoredChunk> chunks(UUID tenantId, UUID agentId, UUID documentId) {
        return store.chunks(get(tenantId, agentId, documentId));
    }

    /** Deletes a document and its chunks, or 404; every instance drops it from its index. */
    void delete(UUID tenantId, UUID agentId, UUID documentId) {
        agents.require(tenantId, agentId);
        if (!store.delete(tenantId, agentId, documentId)) {
            throw ApiException.notFound("document");
        }
        invalidations.publish(new InvalidationEvent.KnowledgeChanged(tenantId, agentId));
    }

    private void checkSize(long bytes) {
        if (bytes > limits.maxDocumentBytes()) {
            throw new ApiException(
                    ApiErrorCode.DOCUMENT_TOO_LARGE,
                    "The document is larger than " + limits.maxDocumentBytes()
                            + " bytes, the limit set by toolgate.knowledge.max-document-bytes.");
        }
    }

    private void checkRoom(KnowledgeDocument.Owner owner) {
        if (store.count(owner.tenantId(), owner.agentId()) >= limits.maxDocumentsPerAgent()) {
            throw new ApiException(
                    ApiErrorCode.TOO_MANY_DOCUMENTS,
                    "The agent already holds " + limits.maxDocumentsPerAgent()
                            + " documents, the limit set by toolgate.knowledge.max-documents-per-agent.");
        }
    }

    private static String pathOf(String url) {
        try {
            String path = java.net.URI.create(url).getPath();
            return path == null ? "" : path;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
