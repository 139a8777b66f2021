package dev.toolgate.core.retrieval;

/**
 * How big chunks are, in tokens of the embedding model's tokenizer.
 *
 * @param minTokens a chunk ends at a heading only once it holds at least this many tokens (smaller sections are
 *     joined with the next one), >= 1
 * @param maxTokens no chunk is longer, >= {@code minTokens}; the default stays below the 510 word pieces
 *     all-MiniLM-L6-v2 embeds in one pass (512 positions less {@code [CLS]} and {@code [SEP]}), so a chunk is
 *     never split again inside the model
 * @param overlapTokens how much of a chunk's end starts the next one when a section is cut for length, 0..
 *     {@code minTokens}
 */
public record ChunkingRules(int minTokens, int maxTokens, int overlapTokens) {

    /**
     * The defaults: a section of 100 tokens or more ends its chunk, no chunk is over 400, 50 tokens of overlap. With
     * 200 as the minimum, short sections of the project's docs were joined and recall@3 over them fell from 0.75 to
     * 0.70 (KnowledgeRecallTest in the server).
     */
    public static final ChunkingRules DEFAULT = new ChunkingRules(100, 400, 50);

    /** Checks the ranges. */
    public ChunkingRules {
        if (minTokens < 1 || maxTokens < minTokens) {
            throw new IllegalArgumentException("need 1 <= minTokens <= maxTokens: " + minTokens + ", " + maxTokens);
        }
        if (overlapTokens < 0 || overlapTokens > minTokens) {
            throw new IllegalArgumentException("overlapTokens must be 0..minTokens: " + overlapTokens);
        }
    }
}
