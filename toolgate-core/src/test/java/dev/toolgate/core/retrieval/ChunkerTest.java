package dev.toolgate.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    /** One token per whitespace-separated word: easy to reason about in the assertions. */
    private static final ToIntFunction<String> WORDS =
            text -> text.isBlank() ? 0 : text.strip().split("\\s+").length;

    private static final Chunker CHUNKER = new Chunker(new ChunkingRules(20, 40, 8), WORDS);

    private static String sentences(String word, int count, int wordsEach) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(Character.toUpperCase(word.charAt(0)))
                    .append(word.substring(1))
                    .append(i)
                    .append(' ');
            for (int w = 2; w < wordsEach; w++) {
                text.append(word).append(i).append(' ');
            }
            text.append("end").append(i).append(". ");
        }
        return text.toString().strip();
    }

    @Test
    void aSectionLargeEnoughEndsAtTheNextHeadingAndCarriesItsHeadingPath() {
        List<Chunk> chunks = CHUNKER.chunk(List.of(
                new TextBlock.Heading(1, "Guide"),
                new TextBlock.Heading(2, "Limits"),
                new TextBlock.Paragraph(sentences("limit", 5, 5)),
                new TextBlock.Heading(2, "Signing"),
                new TextBlock.Paragraph(sentences("sign", 5, 5))));

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).section()).isEqualTo("Guide > Limits");
        assertThat(chunks.get(0).text())
                .startsWith("Guide > Limits\n\nLimit0")
                .doesNotContain("sign")
                .doesNotContain("Sign");
        assertThat(chunks.get(1).section()).isEqualTo("Guide > Signing");
        assertThat(chunks.get(1).text())
                .startsWith("Guide > Signing\n\nSign0")
                .doesNotContain("limit")
                .doesNotContain("Limit");
        assertThat(chunks).extracting(Chunk::index).containsExactly(0, 1);
    }

    @Test
    void shortSectionsRunOnIntoTheNextInsteadOfStandingAlone() {
        List<Chunk> chunks = CHUNKER.chunk(List.of(
                new TextBlock.Heading(2, "A"),
                new TextBlock.Paragraph("alpha beta gamma."),
                new TextBlock.Heading(2, "B"),
                new TextBlock.Paragraph("delta epsilon."),
                new TextBlock.Heading(2, "C"),
                new TextBlock.Paragraph("zeta.")));

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.section()).isEqualTo("A");
            assertThat(chunk.text()).isEqualTo("A\n\nalpha beta gamma.\n\nB\n\ndelta epsilon.\n\nC\n\nzeta.");
        });
    }

    @Test
    void aLongSectionIsCutAtSentencesWithinTheBoundAndOverlaps() {
        List<Chunk> chunks = CHUNKER.chunk(
                List.of(new TextBlock.Heading(1, "Long"), new TextBlock.Paragraph(sentences("w", 20, 5))));

        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.tokenCount()).isLessThanOrEqualTo(40);
            assertThat(WORDS.applyAsInt(chunk.text())).isEqualTo(chunk.tokenCount());
            assertThat(chunk.section()).isEqualTo("Long");
        });
        // the next chunk begins with the previous one's last sentence (5 words <= 8 of overlap)
        for (int i = 1; i < chunks.size(); i++) {
            String previous = chunks.get(i - 1).text();
            String lastSentence = previous.substring(previous.lastIndexOf(". ", previous.length() - 2) + 2);
            assertThat(chunks.get(i).text()).startsWith("Long\n\n" + lastSentence.strip());
        }
        // nothing is lost: every sentence's end marker is somewhere
        String all = String.join(" ", chunks.stream().map(Chunk::text).toList());
        for (int i = 0; i < 20; i++) {
            assertThat(all).contains("end" + i + ".");
        }
    }

    @Test
    void aSentenceLongerThanTheBoundIsCutAtWhitespaceAndAWordLongerByCharacters() {
        String longSentence = "x ".repeat(100).strip();
        String longWord = "y".repeat(100);
        ToIntFunction<String> chars = text -> text.replace(" ", "").length();
        Chunker byChars = new Chunker(new ChunkingRules(10, 30, 0), chars);

        List<Chunk> chunks = byChars.chunk(List.of(new TextBlock.Paragraph(longSentence + " " + longWord)));

        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.tokenCount()).isLessThanOrEqualTo(30));
        String joined =
                String.join("", chunks.stream().map(Chunk::text).toList()).replace(" ", "");
        assertThat(joined).isEqualTo("x".repeat(100) + longWord);
    }

    @Test
    void headingsWithoutBodyTextMakeNoChunk() {
        assertThat(CHUNKER.chunk(List.of(new TextBlock.Heading(1, "Empty"), new TextBlock.Heading(2, "Still"))))
                .isEmpty();
        assertThat(CHUNKER.chunk(List.of())).isEmpty();
    }

    @Test
    void aDeeperHeadingNestsAndAShallowerOneClosesThePath() {
        List<TextBlock> blocks = new ArrayList<>();
        blocks.add(new TextBlock.Heading(1, "Top"));
        blocks.add(new TextBlock.Heading(2, "Mid"));
        blocks.add(new TextBlock.Heading(3, "Deep"));
        blocks.add(new TextBlock.Paragraph(sentences("a", 5, 5)));
        blocks.add(new TextBlock.Heading(2, "Other"));
        blocks.add(new TextBlock.Paragraph(sentences("b", 5, 5)));

        assertThat(CHUNKER.chunk(blocks)).extracting(Chunk::section).containsExactly("Top > Mid > Deep", "Top > Other");
    }

    @Test
    void rulesAndBlocksRefuseNonsense() {
        assertThatThrownBy(() -> new ChunkingRules(0, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkingRules(20, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkingRules(10, 20, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextBlock.Paragraph("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextBlock.Heading(7, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
