package io.newswatch.index.rules;

import io.newswatch.index.search.QuerySyntax;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * Checks a rule query before it is stored, with Lucene's classic query parser: the grammar
 * Elasticsearch's {@code query_string} and enrich-service's live matcher both use, with the same
 * default operator ({@link QuerySyntax#DEFAULT_OPERATOR}, AND) and the fields of the article
 * mapping that live matching supports. A refused query is explained by the parser's own words (line and column, or the
 * offending token) or by the unknown field's name.
 */
public final class RuleQuery {
    static final int MAX_QUERY_CHARS = 4_096;
    /**
     * Fields a rule may name: those of the article mapping that enrich-service's live matcher also
     * indexes (its {@code RuleFields}), with the mapping's aliases. Dates and sentiment are left out
     * on purpose: a rule must find the same articles live and over the archive.
     */
    static final Set<String> FIELDS = Set.of("title", "text", "entity", "source", "language", "lang", "topics", "topic",
            "authors", "author", "entityIds", "id", "url", "canonicalUrl");
    private static final String DEFAULT_FIELD = "text";

    private RuleQuery() {}

    /**
     * The query, unchanged, when it parses.
     *
     * @throws InvalidRuleException (field {@code query}) saying where and why it does not
     */
    public static String check(String query) {
        if (query.length() > MAX_QUERY_CHARS) {
            throw new InvalidRuleException("query", "query must be at most " + MAX_QUERY_CHARS + " characters");
        }
        try {
            new FieldCheckingParser().parse(query);
            return query;
        } catch (ParseException e) {
            throw new InvalidRuleException("query", firstLine(e.getMessage()));
        } catch (RuntimeException e) { // the parser reports some problems (too many clauses) unchecked
            throw new InvalidRuleException("query", "Cannot parse '" + query + "': " + e.getMessage());
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    /** The classic parser, set up like {@code query_string}, refusing fields the articles do not have. */
    private static final class FieldCheckingParser extends QueryParser {
        FieldCheckingParser() {
            super(DEFAULT_FIELD, new StandardAnalyzer());
            setDefaultOperator(Operator.valueOf(QuerySyntax.DEFAULT_OPERATOR.jsonValue().toUpperCase(Locale.ROOT)));
            setAllowLeadingWildcard(false);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            return super.getFieldQuery(known(field), queryText, quoted);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            return super.getFieldQuery(known(field), queryText, slop);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            return super.getRangeQuery(known(field), part1, part2, startInclusive, endInclusive);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            return super.getWildcardQuery(known(field), termStr);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            return super.getPrefixQuery(known(field), termStr);
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            return super.getFuzzyQuery(known(field), termStr, minSimilarity);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            return super.getRegexpQuery(known(field), termStr);
        }

        private static String known(String field) throws ParseException {
            if (FIELDS.contains(field)) return field;
            throw new ParseException("unknown field '" + field + "'; rules may use " + new TreeSet<>(FIELDS));
        }
    }
}
