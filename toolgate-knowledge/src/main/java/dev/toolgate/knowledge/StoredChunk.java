package dev.toolgate.knowledge;

import dev.toolgate.core.retrieval.Chunk;
import java.util.UUID;

/**
 * A chunk with the document it belongs to and, when read for indexing, its embedding.
 *
 * @param documentId the document
 * @param title the document's title
 * @param chunk the chunk
 * @param embedding its unit vector of {@link Embedder#DIMENSION} components, or null when not read
 */
public record StoredChunk(UUID documentId, String title, Chunk chunk, float[] embedding) {}
