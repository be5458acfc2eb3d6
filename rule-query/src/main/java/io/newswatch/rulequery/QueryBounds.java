package io.newswatch.rulequery;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The size a rule query may have, checked before and after parsing, so that no rule can stop the
 * matcher: the classic parser recurses once per bracket (thousands overflow the stack), and Lucene
 * counts clauses only when a query is run ({@code IndexSearcher.TooManyClauses} at match time, in
 * enrich-service's stream thread). Bounds are checked here instead, where they become a 400 or a
 * parked record.
 */
final class QueryBounds {
    /** The longest query, in chars (the rules API's limit too). */
    static final int MAX_CHARS = 4_096;
    /** The deepest nesting of brackets. */
    static final int MAX_NESTING = 32;

    private QueryBounds() {}

    /** Refuses a query too long or nested too deep to parse safely. */
    static void checkText(String query) {
        if (query.length() > MAX_CHARS) {
            throw new InvalidQueryException(query, -1, "the query is longer than " + MAX_CHARS + " characters");
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++; // an escaped character is a literal
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(' && ++depth > MAX_NESTING) {
                throw new InvalidQueryException(query, i, "brackets nested more than " + MAX_NESTING + " deep");
            } else if (!quoted && c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
    }

    /** Refuses a parsed query with more clauses than Lucene runs ({@link IndexSearcher#getMaxClauseCount()}). */
    static void checkClauses(String text, Query query) {
        int max = IndexSearcher.getMaxClauseCount();
        ClauseCounter counter = new ClauseCounter();
        query.visit(counter);
        if (counter.clauses > max) {
            throw new InvalidQueryException(text, -1, "the query has " + counter.clauses + " terms and patterns "
                    + "once expanded over the fields it searches; at most " + max + " are allowed");
        }
    }

    /** Counts leaves as {@code IndexSearcher} does before running a query, prohibited clauses included. */
    private static final class ClauseCounter extends QueryVisitor {
        private int clauses;

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
        }

        @Override
        public void visitLeaf(Query query) {
            clauses++;
        }

        @Override
        public void consumeTerms(Query query, Term... terms) {
            clauses++;
        }

        @Override
        public void consumeTermsMatching(Query query, String field, java.util.function.Supplier<ByteRunAutomaton> automaton) {
            clauses++;
        }
    }
}
