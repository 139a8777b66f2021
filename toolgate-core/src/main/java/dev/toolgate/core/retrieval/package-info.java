/**
 * The framework-free parts of knowledge-base retrieval (docs/knowledge-base.md): a document as structural
 * {@link dev.toolgate.core.retrieval.TextBlock}s, the {@link dev.toolgate.core.retrieval.Chunker} that cuts it into
 * {@link dev.toolgate.core.retrieval.Chunk}s of a bounded token count along headings and paragraphs, and the
 * {@link dev.toolgate.core.retrieval.HybridRanking} that merges vector and keyword candidates into one 0..1 score.
 * Token counts come from a caller-supplied counter (the server passes the embedding model's tokenizer). Depends on
 * nothing else in the core.
 */
package dev.toolgate.core.retrieval;
