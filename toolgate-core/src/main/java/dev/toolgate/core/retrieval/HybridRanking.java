package dev.toolgate.core.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Merges the candidates of a vector search and of a keyword (BM25) search into one ranking (docs/knowledge-base.md,
 * "Ranking"): a normalized score blend.
 *
 * <pre>score = {@value #VECTOR_WEIGHT} × max(0, cosine) + (1 − {@value #VECTOR_WEIGHT}) × bm25 / best bm25</pre>
 *
 * <p>where {@code best bm25} is the highest keyword score among this query's candidates (a candidate the keyword
 * search did not find counts 0). The score is in 0..1; the similarity threshold applies to the cosine similarity
 * alone, so a keyword match never lets a chunk through that is semantically unrelated. Ties go to the higher cosine.
 */
public final class HybridRanking {

    /** The share of the score that is cosine similarity; the rest is relative BM25. */
    public static final double VECTOR_WEIGHT = 0.7;

    private HybridRanking() {}

    /**
     * A chunk found by either search.
     *
     * @param item what is ranked (a chunk reference)
     * @param cosine the cosine similarity of its embedding to the query's, -1..1
     * @param keywordScore its BM25 score for the query, >= 0 (0 when the keyword search did not find it)
     * @param <T> the item type
     */
    public record Candidate<T>(T item, double cosine, double keywordScore) {
        /** Checks the ranges. */
        public Candidate {
            Objects.requireNonNull(item, "item");
            if (!(cosine >= -1.0001 && cosine <= 1.0001)) {
                throw new IllegalArgumentException("cosine must be -1..1: " + cosine);
            }
            if (!(keywordScore >= 0)) {
                throw new IllegalArgumentException("keywordScore must be >= 0: " + keywordScore);
            }
        }
    }

    /**
     * A ranked chunk.
     *
     * @param item the item
     * @param score the blended score, 0..1
     * @param cosine its cosine similarity, clamped to 0..1
     * @param <T> the item type
     */
    public record Ranked<T>(T item, double score, double cosine) {}

    /**
     * Ranks candidates.
     *
     * @param candidates each item at most once
     * @param topK the most results, >= 1
     * @param similarityThreshold the lowest cosine similarity a result may have, 0..1
     * @return at most {@code topK} results, best first, none with a cosine under the threshold
     * @throws IllegalArgumentException when {@code topK < 1} or the threshold is outside 0..1
     */
    public static <T> List<Ranked<T>> rank(List<Candidate<T>> candidates, int topK, double similarityThreshold) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1: " + topK);
        }
        if (!(similarityThreshold >= 0 && similarityThreshold <= 1)) {
            throw new IllegalArgumentException("similarityThreshold must be 0..1: " + similarityThreshold);
        }
        double best = 0;
        for (Candidate<T> candidate : candidates) {
            best = Math.max(best, candidate.keywordScore());
        }
        List<Ranked<T>> ranked = new ArrayList<>();
        for (Candidate<T> candidate : candidates) {
            double cosine = Math.clamp(candidate.cosine(), 0.0, 1.0);
            if (cosine < similarityThreshold) {
                continue;
            }
            double keyword = best > 0 ? candidate.keywordScore() / best : 0;
            double score = Math.clamp(VECTOR_WEIGHT * cosine + (1 - VECTOR_WEIGHT) * keyword, 0.0, 1.0);
            ranked.add(new Ranked<>(candidate.item(), score, cosine));
        }
        ranked.sort(Comparator.comparingDouble((Ranked<T> r) -> r.score())
                .thenComparingDouble(Ranked::cosine)
                .reversed());
        return ranked.size() > topK ? List.copyOf(ranked.subList(0, topK)) : List.copyOf(ranked);
    }
}
