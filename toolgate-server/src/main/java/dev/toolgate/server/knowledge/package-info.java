/**
 * Knowledge bases (docs/knowledge-base.md): the documents of an agent, at {@code /v1/agents/{agentId}/knowledge},
 * and the {@link dev.toolgate.core.knowledge.KnowledgeSearch} its {@code knowledge_base} tools call.
 *
 * <p>A document is uploaded (JSON text, a multipart file) or fetched from an https URL under the egress policy
 * ({@link dev.toolgate.server.knowledge.DocumentFetcher}); {@link dev.toolgate.server.knowledge.DocumentProcessor}
 * then, on a virtual thread, extracts its text ({@link dev.toolgate.knowledge.TextExtractor}: jsoup,
 * commonmark, PDFBox, POI), cuts it into chunks ({@link dev.toolgate.core.retrieval.Chunker}), embeds them in the JVM
 * ({@link dev.toolgate.knowledge.Embedder}: all-MiniLM-L6-v2, quantized, ONNX) and stores chunks and vectors
 * in the database ({@link dev.toolgate.server.knowledge.DocumentStore}). Each instance keeps one Lucene index per
 * agent under {@code <data-dir>/knowledge-index} ({@link dev.toolgate.knowledge.AgentIndex}: HNSW vectors and
 * BM25 text), which {@link dev.toolgate.server.knowledge.KnowledgeIndexes} brings in step with the database at
 * start, on the invalidation bus's {@code knowledge} events and whenever the bus was disconnected.
 *
 * <p>Uses {@code server.agent} (the agent must be the tenant's), {@code server.api} (problems, the body limit),
 * {@code server.config} (settings), {@code server.invalidation} and {@code server.tenant} (scopes), and the core's
 * {@code egress}, {@code exec}, {@code knowledge} and {@code retrieval} packages, and the {@code toolgate-knowledge}
 * module ({@code dev.toolgate.knowledge}: extraction, embeddings, the Lucene index).
 */
package dev.toolgate.server.knowledge;
