package dev.toolgate.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HybridRankingTest {

    @Test
    void aKeywordMatchLiftsAChunkOverASlightlyCloserVectorMatch() {
        List<HybridRanking.Ranked<String>> ranked = HybridRanking.rank(
                List.of(
                        new HybridRanking.Candidate<>("semantic", 0.62, 0),
                        new HybridRanking.Candidate<>("both", 0.58, 7.5),
                        new HybridRanking.Candidate<>("keywordOnly", 0.50, 3.0)),
                3,
                0.0);

        assertThat(ranked).extracting(HybridRanking.Ranked::item).containsExactly("both", "keywordOnly", "semantic");
        assertThat(ranked.getFirst().score()).isCloseTo(0.7 * 0.58 + 0.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ranked).allSatisfy(r -> assertThat(r.score()).isBetween(0.0, 1.0));
    }

    @Test
    void theThresholdAppliesToTheCosineNotToTheBlendedScore() {
        List<HybridRanking.Ranked<String>> ranked = HybridRanking.rank(
                List.of(
                        new HybridRanking.Candidate<>("strongKeywordWeakMeaning", 0.2, 10),
                        new HybridRanking.Candidate<>("close", 0.5, 0)),
                5,
                0.3);

        assertThat(ranked).extracting(HybridRanking.Ranked::item).containsExactly("close");
    }

    @Test
    void topKBoundsTheResultAndNegativeCosinesCountAsZero() {
        List<HybridRanking.Ranked<Integer>> ranked = HybridRanking.rank(
                List.of(
                        new HybridRanking.Candidate<>(1, -0.3, 0),
                        new HybridRanking.Candidate<>(2, 0.9, 0),
                        new HybridRanking.Candidate<>(3, 0.8, 0)),
                2,
                0.0);

        assertThat(ranked).extracting(HybridRanking.Ranked::item).containsExactly(2, 3);
        assertThat(HybridRanking.rank(List.of(new HybridRanking.Candidate<>(1, -0.3, 0)), 1, 0.0))
                .singleElement()
                .satisfies(r -> assertThat(r.score()).isZero());
    }

    @Test
    void refusesAnOutOfRangeTopKOrThreshold() {
        assertThatThrownBy(() -> HybridRanking.rank(List.of(), 0, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HybridRanking.rank(List.of(), 1, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
