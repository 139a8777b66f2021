package dev.toolgate.core.retrieval;

import java.text.BreakIterator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Cuts a document's {@link TextBlock}s into {@link Chunk}s by structure (docs/knowledge-base.md, "Chunking").
 *
 * <ul>
 *   <li>A heading ends the running chunk once it holds {@link ChunkingRules#minTokens()}; a smaller section runs on
 *       into the next one (its heading becomes a line of the chunk), so short sections are not embedded alone.
 *   <li>Paragraphs are added whole while the chunk stays within {@link ChunkingRules#maxTokens()}; a longer one is
 *       cut at sentence boundaries ({@link BreakIterator}, root locale), a longer sentence at whitespace, and a
 *       longer word (a URL, a hash) is kept whole only if it fits, else cut by characters.
 *   <li>When a section is cut for length, the next chunk starts with the last sentences of the one before, up to
 *       {@link ChunkingRules#overlapTokens()}, so a fact on the border is found from either side.
 *   <li>Every chunk's text starts with its heading path ({@code "Limits > Per agent"}) on a line of its own: the
 *       embedding and the keyword index both see which section a paragraph belongs to.
 * </ul>
 *
 * <p>Counts are by the given counter and are additive over the pieces joined (a piece is a sentence or a line),
 * which holds for WordPiece tokenizers up to the special tokens. Thread-safe if the counter is.
 */
public final class Chunker {

    /** Separates the levels of a heading path. */
    public static final String PATH_SEPARATOR = " > ";

    private final ChunkingRules rules;
    private final ToIntFunction<String> tokens;

    /**
     * @param rules the token bounds
     * @param tokens counts the tokens of a text (the embedding model's tokenizer); must return >= 0
     */
    public Chunker(ChunkingRules rules, ToIntFunction<String> tokens) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** Returns the bounds this chunker applies. */
    public ChunkingRules rules() {
        return rules;
    }

    /**
     * Cuts blocks into chunks.
     *
     * @param blocks the document in reading order
     * @return the chunks in order, indexed from 0; empty when there is no body text (headings alone make no chunk)
     */
    public List<Chunk> chunk(List<TextBlock> blocks) {
        Run run = new Run();
        for (TextBlock block : blocks) {
            switch (block) {
                case TextBlock.Heading heading -> run.heading(heading);
                case TextBlock.Paragraph paragraph -> run.paragraph(paragraph.text());
            }
        }
        run.flush(false);
        return run.chunks;
    }

    /** A sentence or line of a chunk, with its token count. */
    private record Piece(String text, int tokens, boolean opensParagraph) {}

    /** The state of one {@link #chunk} call. */
    private final class Run {
        final List<Chunk> chunks = new ArrayList<>();
        final Deque<TextBlock.Heading> path = new ArrayDeque<>();
        final List<Piece> pieces = new ArrayList<>();
        String section = "";
        int headerTokens;
        int pieceTokens;
        boolean fresh; // holds something beyond the overlap carried from the previous chunk

        void heading(TextBlock.Heading heading) {
            while (!path.isEmpty() && path.peekLast().level() >= heading.level()) {
                path.removeLast();
            }
            path.addLast(heading);
            if (fresh && total() >= rules.minTokens()) {
                flush(false);
            }
            if (!fresh) {
                pieces.clear();
                pieceTokens = 0;
                start(pathText());
            } else {
                // a short section runs on: its heading becomes a line of the running chunk
                add(new Piece(heading.text(), count(heading.text()), true));
            }
        }

        void paragraph(String text) {
            if (pieces.isEmpty() && !fresh) {
                start(pathText());
            }
            boolean first = true;
            for (String sentence : sentences(text)) {
                int n = count(sentence);
                if (headerTokens + n > rules.maxTokens()) {
                    for (String part : split(sentence, Math.max(1, rules.maxTokens() - headerTokens))) {
                        add(new Piece(part, count(part), first));
                        first = false;
                    }
                } else {
                    add(new Piece(sentence, n, first));
                    first = false;
                }
            }
        }

        void add(Piece piece) {
            if (total() + piece.tokens() > rules.maxTokens() && fresh) {
                flush(true);
            }
            pieces.add(piece);
            pieceTokens += piece.tokens();
            fresh = true;
        }

        void start(String sectionPath) {
            section = sectionPath;
            headerTokens = sectionPath.isEmpty() ? 0 : count(sectionPath);
        }

        int total() {
            return headerTokens + pieceTokens;
        }

        /** Emits the running chunk; with {@code overlap}, the next one starts with its last sentences. */
        void flush(boolean overlap) {
            if (!fresh) {
                return;
            }
            StringBuilder text = new StringBuilder(section);
            for (int i = 0; i < pieces.size(); i++) {
                Piece piece = pieces.get(i);
                if (!text.isEmpty()) {
                    // the heading path is a line of its own; so is a paragraph
                    text.append(i == 0 || piece.opensParagraph() ? "\n\n" : " ");
                }
                text.append(piece.text());
            }
            chunks.add(new Chunk(chunks.size(), section, text.toString(), Math.max(1, total())));
            List<Piece> carried = overlap ? tail() : List.of();
            pieces.clear();
            pieces.addAll(carried);
            pieceTokens = carried.stream().mapToInt(Piece::tokens).sum();
            fresh = false;
        }

        List<Piece> tail() {
            List<Piece> tail = new ArrayList<>();
            int sum = 0;
            for (int i = pieces.size() - 1; i >= 0; i--) {
                Piece piece = pieces.get(i);
                if (sum + piece.tokens() > rules.overlapTokens()) {
                    break;
                }
                sum += piece.tokens();
                tail.addFirst(piece);
            }
            return tail;
        }

        String pathText() {
            StringBuilder text = new StringBuilder();
            for (TextBlock.Heading heading : path) {
                if (!text.isEmpty()) {
                    text.append(PATH_SEPARATOR);
                }
                text.append(heading.text());
            }
            return text.toString();
        }
    }

    private int count(String text) {
        int n = tokens.applyAsInt(text);
        if (n < 0) {
            throw new IllegalStateException("the token counter returned " + n);
        }
        return n;
    }

    private static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
        iterator.setText(text);
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /**
     * Cuts an over-long sentence into parts of at most {@code limit} tokens: at whitespace (the words' counts
     * summed, so this stays linear in the sentence's length), a word longer than the limit by characters.
     */
    private List<String> split(String sentence, int limit) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int partTokens = 0;
        for (String word : sentence.split("\\s+")) {
            int n = count(word);
            if (n > limit) {
                if (!part.isEmpty()) {
                    parts.add(part.toString());
                    part.setLength(0);
                    partTokens = 0;
                }
                parts.addAll(splitWord(word, limit));
                continue;
            }
            if (partTokens + n > limit && !part.isEmpty()) {
                parts.add(part.toString());
                part.setLength(0);
                partTokens = 0;
            }
            if (!part.isEmpty()) {
                part.append(' ');
            }
            part.append(word);
            partTokens += n;
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }

    /**
     * Cuts a word of more than {@code limit} tokens (a URL, a hash, text without spaces) into parts: each at most
     * {@code limit} characters (a word piece covers at least one), shortened while the counter still says more.
     */
    private List<String> splitWord(String word, int limit) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = Math.min(word.length(), start + limit);
            while (end > start + 1 && count(word.substring(start, end)) > limit) {
                end = start + (end - start) / 2;
            }
            parts.add(word.substring(start, end));
            start = end;
        }
        return parts;
    }
}
