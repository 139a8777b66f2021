package dev.toolgate.knowledge;

import dev.toolgate.core.knowledge.KnowledgeHit;
import dev.toolgate.core.retrieval.HybridRanking;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * One hybrid search over an {@link AgentIndex}'s searcher: the HNSW graph's nearest vectors and BM25's best text
 * matches, each candidate given both its cosine similarity (read back from its stored vector when only BM25 found it)
 * and its BM25 score, merged by {@link HybridRanking}.
 */
final class HybridSearch {

    private HybridSearch() {}

    /**
     * Runs the search.
     *
     * @param searcher the index's searcher, held by the caller for the call
     * @param analyzer the index's analyzer, for the query's terms
     * @param queryVector the query's unit embedding
     * @param queryText the query as asked, for BM25
     * @param topK the most hits, >= 1
     * @param similarityThreshold the lowest cosine similarity of a hit, 0..1
     * @return the hits, best first
     * @throws IOException when the index cannot be read
     */
    static List<KnowledgeHit> search(
            IndexSearcher searcher,
            Analyzer analyzer,
            float[] queryVector,
            String queryText,
            int topK,
            double similarityThreshold)
            throws IOException {
        int candidates = Math.max(AgentIndex.MIN_CANDIDATES, topK * AgentIndex.CANDIDATES_PER_RESULT);
        Map<Integer, double[]> scores = new LinkedHashMap<>(); // doc -> {cosine or NaN, bm25}
        for (ScoreDoc hit : searcher.search(
                        new KnnFloatVectorQuery(AgentIndex.VECTOR, queryVector, candidates), candidates)
                .scoreDocs) {
            // Lucene scores a dot product of unit vectors as (1 + cosine) / 2
            scores.put(hit.doc, new double[] {2.0 * hit.score - 1.0, 0});
        }
        BooleanQuery keywords = keywordQuery(analyzer, queryText);
        if (!keywords.clauses().isEmpty()) {
            for (ScoreDoc hit : searcher.search(keywords, candidates).scoreDocs) {
                scores.computeIfAbsent(hit.doc, doc -> new double[] {Double.NaN, 0})[1] = hit.score;
            }
        }
        StoredFields fields = searcher.storedFields();
        List<HybridRanking.Candidate<Integer>> pool = new ArrayList<>(scores.size());
        for (Map.Entry<Integer, double[]> entry : scores.entrySet()) {
            double cosine = entry.getValue()[0];
            if (Double.isNaN(cosine)) {
                float[] vector = Vectors.floats(fields.document(entry.getKey(), Set.of(AgentIndex.VECTOR_BYTES))
                        .getBinaryValue(AgentIndex.VECTOR_BYTES)
                        .bytes);
                cosine = dot(queryVector, vector);
            }
            pool.add(new HybridRanking.Candidate<>(entry.getKey(), Math.clamp(cosine, -1.0, 1.0), entry.getValue()[1]));
        }
        List<KnowledgeHit> hits = new ArrayList<>();
        for (HybridRanking.Ranked<Integer> ranked : HybridRanking.rank(pool, topK, similarityThreshold)) {
            Document document =
                    fields.document(ranked.item(), Set.of(AgentIndex.DOC_ID, AgentIndex.TITLE, AgentIndex.TEXT));
            hits.add(new KnowledgeHit(
                    document.get(AgentIndex.DOC_ID),
                    document.get(AgentIndex.TITLE),
                    document.get(AgentIndex.TEXT),
                    ranked.score()));
        }
        return hits;
    }

    /** One SHOULD clause per analyzed term of the query (stop words dropped, stems kept). */
    private static BooleanQuery keywordQuery(Analyzer analyzer, String queryText) throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(AgentIndex.TEXT, queryText)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms.size() < IndexSearcher.getMaxClauseCount()) {
                terms.add(term.toString());
            }
            tokens.end();
        }
        for (String term : terms) {
            query.add(new TermQuery(new Term(AgentIndex.TEXT, term)), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length && i < b.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
