package io.newswatch.rulequery;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Elasticsearch's {@code standard} analyzer as the article index uses it: the Unicode standard
 * tokenizer (tokens up to 255 chars), lower-cased, no stop words, and a position gap (100 in
 * Elasticsearch) between the values of a multi-valued field, so a phrase never spans two entity
 * names.
 */
final class StandardTextAnalyzer extends Analyzer {
    /** Elasticsearch's default {@code position_increment_gap} of text fields. */
    static final int POSITION_INCREMENT_GAP = 100;
    private static final int MAX_TOKEN_LENGTH = 255;

    private final int positionIncrementGap;

    StandardTextAnalyzer(int positionIncrementGap) {
        this.positionIncrementGap = positionIncrementGap;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        tokenizer.setMaxTokenLength(MAX_TOKEN_LENGTH);
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in); // wildcard, prefix and fuzzy terms are lower-cased like indexed ones
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return positionIncrementGap;
    }
}
