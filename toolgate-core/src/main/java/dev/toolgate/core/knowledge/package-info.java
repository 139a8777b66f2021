/**
 * The knowledge-base port: {@link dev.toolgate.core.knowledge.KnowledgeSearch} finds the chunks of an agent's
 * documents that answer a {@code knowledge_base} tool's query, as {@link dev.toolgate.core.knowledge.KnowledgeHit}s.
 * The server implements it; the engine calls it. Depends on nothing else in the core.
 */
package dev.toolgate.core.knowledge;
