package io.newswatch.rulequery;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * The classic query parser configured like Elasticsearch's {@code query_string} in index-service:
 * default fields title and text, default operator AND, no leading wildcard; field names resolved
 * through {@link RuleFields} (aliases, unknown fields refused); and a purely negative group
 * matching everything else, as Elasticsearch does. One instance per parse: the parser is not
 * thread-safe.
 *
 * <p>For matching, terms without a field can target {@link RuleFields#CONTENT} (title and text in
 * one field) instead of a disjunction over both, which matches the same articles. The exception
 * is unquoted text that analyses into several tokens ({@code armenia border},
 * {@code Nagorno-Karabakh}): its tokens must all be in the same field, so it keeps the per-field
 * disjunction.
 */
final class RuleQueryParser extends MultiFieldQueryParser {
    private final boolean combineDefaultFields;

    /**
     * @param combineDefaultFields target {@link RuleFields#CONTENT} with terms that have no field
     *                             (matching), rather than title and text (what Elasticsearch runs)
     */
    RuleQueryParser(boolean combineDefaultFields) {
        super(RuleFields.DEFAULT_FIELDS.toArray(String[]::new), RuleFields.analyzer());
        this.combineDefaultFields = combineDefaultFields;
        setDefaultOperator(Operator.AND);
        setAllowLeadingWildcard(false);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        if (field != null) return super.getFieldQuery(resolve(field), queryText, quoted);
        if (combineDefaultFields) {
            Query combined = super.getFieldQuery(RuleFields.CONTENT, queryText, quoted);
            if (!(combined instanceof BooleanQuery)) return combined;
        }
        return anyDefaultField(f -> super.getFieldQuery(f, queryText, quoted));
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        if (field != null) return super.getFieldQuery(resolve(field), queryText, slop);
        if (combineDefaultFields) {
            Query combined = super.getFieldQuery(RuleFields.CONTENT, queryText, slop);
            if (!(combined instanceof BooleanQuery)) return combined;
        }
        return anyDefaultField(f -> super.getFieldQuery(f, queryText, slop));
    }

    /**
     * The query in each default field, as a disjunction-max like Elasticsearch's
     * {@code query_string} over several fields: the tokens of one piece of text between operators
     * ({@code armenia border}) must all be in the same field, title or text; explicit operators
     * ({@code armenia AND border}) combine per-field disjunctions. A DisjunctionMaxQuery, unlike a
     * BooleanQuery, is kept whole when the parser adds the clauses of a multi-word piece.
     */
    private static Query anyDefaultField(FieldQuery perField) throws ParseException {
        List<Query> disjuncts = new ArrayList<>();
        for (String field : RuleFields.DEFAULT_FIELDS) {
            Query query = perField.in(field);
            if (query != null) disjuncts.add(query); // null: nothing left after analysis (punctuation only)
        }
        if (disjuncts.isEmpty()) return null;
        return disjuncts.size() == 1 ? disjuncts.get(0) : new DisjunctionMaxQuery(disjuncts, 0f);
    }

    /** A query built for one field. */
    @FunctionalInterface
    private interface FieldQuery {
        Query in(String field) throws ParseException;
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        if (termStr.startsWith("*") || termStr.startsWith("?")) {
            throw new RuleProblem(termStr, "a term cannot start with a wildcard (\"" + termStr + "\")");
        }
        return bounded(termStr, () -> super.getWildcardQuery(resolveOrCombine(field), termStr));
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        return bounded(termStr, () -> super.getPrefixQuery(resolveOrCombine(field), termStr));
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        return bounded(termStr, () -> super.getFuzzyQuery(resolveOrCombine(field), termStr, minSimilarity));
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        return bounded(termStr, () -> super.getRegexpQuery(resolveOrCombine(field), termStr));
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                  boolean endInclusive) throws ParseException {
        return super.getRangeQuery(resolveOrCombine(field), part1, part2, startInclusive, endInclusive);
    }

    @Override
    protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
        Query query = super.getBooleanQuery(clauses);
        return query instanceof BooleanQuery bool && onlyProhibited(bool) ? matchAllBut(bool) : query;
    }

    /**
     * A wildcard, prefix, fuzzy or regular-expression term built into its automaton now, so that one
     * too costly to run, or a regular expression that does not parse, is refused with where it is
     * (Lucene throws TooComplexToDeterminizeException or IllegalArgumentException from the constructor).
     */
    private static Query bounded(String termStr, TermBuild build) throws ParseException {
        try {
            return build.run();
        } catch (TooComplexToDeterminizeException e) {
            throw new RuleProblem(termStr, "the pattern \"" + shorten(termStr) + "\" is too complex to run "
                    + "(simplify its repetitions and alternatives)");
        } catch (IllegalArgumentException e) {
            throw new RuleProblem(termStr, "the pattern \"" + shorten(termStr) + "\" is not valid: "
                    + shorten(String.valueOf(e.getMessage())));
        }
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    @FunctionalInterface
    private interface TermBuild {
        Query run() throws ParseException;
    }

    /** A single-term query without a field targets the combined field when matching. */
    private String resolveOrCombine(String field) {
        return field == null && combineDefaultFields ? RuleFields.CONTENT : resolve(field);
    }

    /** null (the default fields) stays null; a named field is resolved or refused. */
    private static String resolve(String field) {
        if (field == null) return null;
        return RuleFields.resolve(field).orElseThrow(() -> new RuleProblem(field + ":", "unknown field \""
                + field + ":\"; rules can use " + String.join(", ", RuleFields.names()) + ", or no field"));
    }

    private static boolean onlyProhibited(BooleanQuery query) {
        return !query.clauses().isEmpty()
                && query.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT);
    }

    private static Query matchAllBut(BooleanQuery negative) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        negative.clauses().forEach(builder::add);
        return builder.build();
    }

    /** Something the syntax allows but rules do not, found at (the first occurrence of) {@code near}. */
    static final class RuleProblem extends RuntimeException {
        private final String near;

        RuleProblem(String near, String reason) {
            super(reason);
            this.near = near;
        }

        String near() {
            return near;
        }
    }
}
