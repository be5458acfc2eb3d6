package io.newswatch.index.search;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import java.util.function.Supplier;

/**
 * Refuses, with a 400 that says why, a search query whose patterns would make Elasticsearch walk whole term
 * dictionaries: regular expressions (unless allowed), wildcard or prefix terms with fewer than
 * {@link SearchLimits#minPatternPrefix()} letters before the first {@code *} or {@code ?}, and more than
 * {@link SearchLimits#maxPatterns()} patterns in all. The query is read with Lucene's classic parser, the syntax
 * Elasticsearch's {@code query_string} uses; what that parser cannot read is left for Elasticsearch to refuse.
 */
final class QueryCost {
    private QueryCost() {}

    static void check(String q, SearchLimits limits) {
        Query parsed;
        try {
            QueryParser parser = new QueryParser("text", new WhitespaceAnalyzer());
            parser.setAllowLeadingWildcard(true); // so that a leading wildcard is counted here, not missed
            parsed = parser.parse(q);
        } catch (ParseException | RuntimeException e) {
            return; // Elasticsearch reads the query itself and says what is wrong
        }
        Patterns patterns = new Patterns(limits);
        parsed.visit(patterns);
        if (patterns.count > limits.maxPatterns()) {
            throw refuse("the query has " + patterns.count + " wildcard, prefix or fuzzy terms; at most "
                    + limits.maxPatterns() + " are allowed (search.max-patterns)");
        }
    }

    private static InvalidSearchException refuse(String why) {
        return new InvalidSearchException("q", why);
    }

    /** Counts the patterns of a query and refuses the ones too costly on their own. */
    private static final class Patterns extends QueryVisitor {
        private final SearchLimits limits;
        private int count;

        Patterns(SearchLimits limits) {
            this.limits = limits;
        }

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this; // prohibited clauses cost the same to run
        }

        @Override
        public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            if (query instanceof WildcardQuery all && all.getTerm().text().equals("*")) {
                return; // a bare * is "has this field": Elasticsearch runs it as an exists query, no term walk
            }
            count++;
            if (query instanceof RegexpQuery regexp && !limits.allowRegex()) {
                throw refuse("regular expressions (/" + regexp.getRegexp().text() + "/) are not allowed in searches: "
                        + "they are matched against every word of the archive; use a wildcard such as sanction*");
            }
            String literal = literalPrefix(query);
            if (literal != null && literal.codePointCount(0, literal.length()) < limits.minPatternPrefix()) {
                throw refuse("a wildcard or prefix term needs at least " + limits.minPatternPrefix()
                        + " letters before its first * or ?");
            }
        }

        /** The letters before the first wildcard, for wildcard and prefix terms; null for other patterns. */
        private static String literalPrefix(Query query) {
            if (query instanceof PrefixQuery prefix) return prefix.getPrefix().text();
            if (query instanceof WildcardQuery wildcard) {
                String text = wildcard.getTerm().text();
                int end = text.length();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '*' || c == '?') {
                        end = i;
                        break;
                    }
                    if (c == '\\') i++;
                }
                return text.substring(0, end);
            }
            return null; // fuzzy terms: counted, bounded by Elasticsearch's max expansions
        }
    }
}
