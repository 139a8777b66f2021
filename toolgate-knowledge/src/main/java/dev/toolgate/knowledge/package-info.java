/**
 * The knowledge-base engine, without a server (docs/knowledge-base.md): {@link dev.toolgate.knowledge.TextExtractor}
 * reads plain text, Markdown, HTML, PDF and DOCX into the core's {@link dev.toolgate.core.retrieval.TextBlock}s;
 * {@link dev.toolgate.knowledge.Embedder} embeds text in the JVM with all-MiniLM-L6-v2 (quantized, ONNX, shipped in
 * its jar) and counts its word pieces for the core's {@link dev.toolgate.core.retrieval.Chunker};
 * {@link dev.toolgate.knowledge.AgentIndex} is one agent's Lucene index (HNSW vectors and BM25 text), its searches
 * ({@code HybridSearch}) ranked by the
 * core's {@link dev.toolgate.core.retrieval.HybridRanking}. The server stores documents and chunks and keeps the
 * indexes in step ({@code dev.toolgate.server.knowledge}); the benchmark measures the search (bench/README.md).
 *
 * <p>Depends on {@code toolgate-core} ({@code retrieval}, {@code knowledge}), langchain4j's in-process embeddings,
 * Lucene, jsoup, commonmark-java, Apache PDFBox and Apache POI; no Spring, no web framework.
 */
package dev.toolgate.knowledge;
