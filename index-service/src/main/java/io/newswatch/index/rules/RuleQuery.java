package io.newswatch.index.rules;

import io.newswatch.rulequery.InvalidQueryException;
import io.newswatch.rulequery.RuleQueries;

/**
 * Checks a rule query before it is stored, with the very parser enrich-service's live matcher uses
 * ({@link RuleQueries}): a query this accepts is one the matcher runs, over the same fields as the
 * archive. A refused query is explained in the parser's words with the column of the problem.
 */
public final class RuleQuery {
    static final int MAX_QUERY_CHARS = 4_096;

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
            RuleQueries.validate(query);
            return query;
        } catch (InvalidQueryException e) {
            String where = e.position() < 0 ? "" : ", at column " + (e.position() + 1);
            throw new InvalidRuleException("query", e.reason() + where);
        }
    }
}
