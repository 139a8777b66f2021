package dev.toolgate.server.knowledge;

import dev.toolgate.knowledge.StoredChunk;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One chunk of a document, as it is embedded and returned to a model.
 *
 * @param index its position in the document, from 0
 * @param section the heading path it sits under, empty before the first heading
 * @param text its text, the heading path on the first line
 * @param tokenCount its length in the embedding model's word pieces
 */
@Schema(name = "ChunkOut", description = "A chunk of a knowledge-base document.")
record ChunkOut(
        int index, @Schema(example = "Limits > Per agent") String section, String text, int tokenCount) {

    static ChunkOut of(StoredChunk stored) {
        return new ChunkOut(
                stored.chunk().index(),
                stored.chunk().section(),
                stored.chunk().text(),
                stored.chunk().tokenCount());
    }
}
