package dev.toolgate.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class EmbedderTest {

    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);
    private static final Embedder EMBEDDER = new Embedder(THREADS);

    @AfterAll
    static void stop() {
        THREADS.shutdownNow();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void vectorsAreUnitLengthAndCloserForRelatedTexts() {
        List<float[]> vectors = EMBEDDER.embedAll(List.of(
                "How long do refunds take?",
                "Refunds are paid back to the card within 14 days.",
                "The car park is on Main Street."));

        assertThat(vectors).allSatisfy(v -> {
            assertThat(v).hasSize(Embedder.DIMENSION);
            assertThat(dot(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        });
        assertThat(dot(vectors.get(0), vectors.get(1))).isGreaterThan(dot(vectors.get(0), vectors.get(2)) + 0.1);
        assertThat(EMBEDDER.embed("How long do refunds take?"))
                .usingComparatorWithPrecision(1e-4f)
                .containsExactly(vectors.get(0));
    }

    @Test
    void tokensAreCountedInWordPieces() {
        assertThat(EMBEDDER.countTokens("")).isZero();
        assertThat(EMBEDDER.countTokens("hello world")).isEqualTo(2);
        // an unfamiliar word is split into several pieces
        assertThat(EMBEDDER.countTokens("toolgate")).isGreaterThan(1);
    }
}
