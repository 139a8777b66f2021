package dev.toolgate.server.knowledge;

import dev.toolgate.core.retrieval.Chunk;
import dev.toolgate.knowledge.DocumentFormat;
import dev.toolgate.knowledge.Embedder;
import dev.toolgate.knowledge.StoredChunk;
import dev.toolgate.knowledge.Vectors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Knowledge-base documents and their chunks in the database (tables {@code knowledge_documents} and
 * {@code knowledge_chunks}); every read and write names the tenant, so no tenant reaches another's documents.
 * Embeddings are stored as {@link Embedder#DIMENSION} little-endian float32 values.
 */
@Repository
public class DocumentStore {

    /** Chunk rows inserted per JDBC batch. */
    static final int INSERT_BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;

    DocumentStore(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
    }

    /** Inserts a new document (status processing) and returns it. */
    public KnowledgeDocument create(KnowledgeDocument.Owner owner, KnowledgeDocument.Source source) {
        Instant now = Instant.now();
        KnowledgeDocument document = new KnowledgeDocument(
                UUID.randomUUID(),
                owner,
                source,
                new KnowledgeDocument.State(DocumentStatus.PROCESSING, null, 0),
                now,
                now);
        jdbc.sql("insert into knowledge_documents (id, tenant_id, agent_id, title, content_type, source_url,"
                        + " size_bytes, status, chunk_count, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(
                        document.id(),
                        owner.tenantId(),
                        owner.agentId(),
                        source.title(),
                        source.format().mediaType(),
                        source.url(),
                        source.sizeBytes(),
                        DocumentStatus.PROCESSING.wireName(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        return document;
    }

    /** Returns how many documents the agent holds, in any status. */
    public int count(UUID tenantId, UUID agentId) {
        return jdbc.sql("select count(*) from knowledge_documents where tenant_id = ? and agent_id = ?")
                .params(tenantId, agentId)
                .query(Integer.class)
                .single();
    }

    /** Returns the tenant's document, or empty (also when it is another tenant's or another agent's). */
    public Optional<KnowledgeDocument> find(UUID tenantId, UUID agentId, UUID documentId) {
        return jdbc.sql("select * from knowledge_documents where id = ? and tenant_id = ? and agent_id = ?")
                .params(documentId, tenantId, agentId)
                .query(DocumentStore::map)
                .optional();
    }

    /** Returns the agent's documents, oldest first. */
    public List<KnowledgeDocument> list(UUID tenantId, UUID agentId) {
        return jdbc.sql("select * from knowledge_documents where tenant_id = ? and agent_id = ?"
                        + " order by created_at, id")
                .params(tenantId, agentId)
                .query(DocumentStore::map)
                .list();
    }

    /** Deletes the document and its chunks; returns whether it existed. */
    public boolean delete(UUID tenantId, UUID agentId, UUID documentId) {
        return jdbc.sql("delete from knowledge_documents where id = ? and tenant_id = ? and agent_id = ?")
                        .params(documentId, tenantId, agentId)
                        .update()
                > 0;
    }

    /**
     * Records that processing goes on, with the document's size and type (a fetched document's are known only once
     * it has been fetched).
     */
    public void progress(UUID documentId, long sizeBytes, DocumentFormat format) {
        jdbc.sql("update knowledge_documents set size_bytes = ?, content_type = ?, updated_at = ?"
                        + " where id = ? and status = ?")
                .params(
                        sizeBytes,
                        format.mediaType(),
                        Timestamp.from(Instant.now()),
                        documentId,
                        DocumentStatus.PROCESSING.wireName())
                .update();
    }

    /**
     * Stores the chunks with their embeddings and marks the document ready, in one transaction; returns false (and
     * stores nothing) when the document was deleted meanwhile.
     */
    public boolean ready(UUID documentId, List<Chunk> chunks, List<float[]> embeddings) {
        Boolean done = transactions.execute(status -> {
            int updated = jdbc.sql("update knowledge_documents set status = ?, chunk_count = ?, updated_at = ?"
                            + " where id = ? and status = ?")
                    .params(
                            DocumentStatus.READY.wireName(),
                            chunks.size(),
                            Timestamp.from(Instant.now()),
                            documentId,
                            DocumentStatus.PROCESSING.wireName())
                    .update();
            if (updated == 0) {
                return false;
            }
            List<Object[]> rows = new ArrayList<>(chunks.size());
            for (int i = 0; i < chunks.size(); i++) {
                Chunk chunk = chunks.get(i);
                rows.add(new Object[] {
                    documentId,
                    chunk.index(),
                    chunk.section(),
                    chunk.text(),
                    chunk.tokenCount(),
                    Vectors.bytes(embeddings.get(i))
                });
            }
            for (int from = 0; from < rows.size(); from += INSERT_BATCH) {
                batches.batchUpdate(
                        "insert into knowledge_chunks (document_id, chunk_index, section, text, token_count, embedding)"
                                + " values (?, ?, ?, ?, ?, ?)",
                        rows.subList(from, Math.min(rows.size(), from + INSERT_BATCH)));
            }
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** Marks a document that is still processing as failed, with a reason safe to show. */
    public void failed(UUID documentId, String reason) {
        jdbc.sql("update knowledge_documents set status = ?, failure_reason = ?, updated_at = ?"
                        + " where id = ? and status = ?")
                .params(
                        DocumentStatus.FAILED.wireName(),
                        reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                        Timestamp.from(Instant.now()),
                        documentId,
                        DocumentStatus.PROCESSING.wireName())
                .update();
    }

    /**
     * Marks documents failed that have been processing without progress since {@code before}: their instance
     * stopped while reading them. Returns how many.
     */
    public int failStale(Instant before, String reason) {
        return jdbc.sql("update knowledge_documents set status = ?, failure_reason = ?, updated_at = ?"
                        + " where status = ? and updated_at < ?")
                .params(
                        DocumentStatus.FAILED.wireName(),
                        reason,
                        Timestamp.from(Instant.now()),
                        DocumentStatus.PROCESSING.wireName(),
                        Timestamp.from(before))
                .update();
    }

    /** Returns the ids of the agent's ready documents. */
    public List<UUID> readyIds(UUID tenantId, UUID agentId) {
        return jdbc.sql("select id from knowledge_documents where tenant_id = ? and agent_id = ? and status = ?")
                .params(tenantId, agentId, DocumentStatus.READY.wireName())
                .query((rs, row) -> rs.getObject("id", UUID.class))
                .list();
    }

    /** Returns every agent that has a ready document, as owners. */
    public List<KnowledgeDocument.Owner> ownersWithReadyDocuments() {
        return jdbc.sql("select distinct tenant_id, agent_id from knowledge_documents where status = ?")
                .param(DocumentStatus.READY.wireName())
                .query((rs, row) -> new KnowledgeDocument.Owner(
                        rs.getObject("tenant_id", UUID.class), rs.getObject("agent_id", UUID.class)))
                .list();
    }

    /** Returns a document's chunks in order, without embeddings (the API's view). */
    public List<StoredChunk> chunks(KnowledgeDocument document) {
        return jdbc.sql("select chunk_index, section, text, token_count from knowledge_chunks where document_id = ?"
                        + " order by chunk_index")
                .param(document.id())
                .query((rs, row) ->
                        new StoredChunk(document.id(), document.source().title(), chunk(rs), null))
                .list();
    }

    /** Returns a ready document's chunks with their embeddings (for the index), in order; empty if it is gone. */
    public List<StoredChunk> chunksForIndex(UUID tenantId, UUID documentId) {
        return jdbc.sql("select d.title, c.chunk_index, c.section, c.text, c.token_count, c.embedding"
                        + " from knowledge_chunks c join knowledge_documents d on d.id = c.document_id"
                        + " where d.id = ? and d.tenant_id = ? and d.status = ? order by c.chunk_index")
                .params(documentId, tenantId, DocumentStatus.READY.wireName())
                .query((rs, row) -> new StoredChunk(
                        documentId, rs.getString("title"), chunk(rs), Vectors.floats(rs.getBytes("embedding"))))
                .list();
    }

    private static Chunk chunk(ResultSet rs) throws SQLException {
        return new Chunk(
                rs.getInt("chunk_index"), rs.getString("section"), rs.getString("text"), rs.getInt("token_count"));
    }

    private static KnowledgeDocument map(ResultSet rs, int row) throws SQLException {
        return new KnowledgeDocument(
                rs.getObject("id", UUID.class),
                new KnowledgeDocument.Owner(
                        rs.getObject("tenant_id", UUID.class), rs.getObject("agent_id", UUID.class)),
                new KnowledgeDocument.Source(
                        rs.getString("title"),
                        DocumentFormat.ofMediaType(rs.getString("content_type")).orElseThrow(),
                        rs.getString("source_url"),
                        rs.getLong("size_bytes")),
                new KnowledgeDocument.State(
                        DocumentStatus.fromWireName(rs.getString("status")),
                        rs.getString("failure_reason"),
                        rs.getInt("chunk_count")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
