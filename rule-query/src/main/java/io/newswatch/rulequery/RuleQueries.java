package io.newswatch.rulequery;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Parses alert-rule queries: the Lucene / Elasticsearch query-string syntax with the
 * semantics of index-service's search ({@code query_string} over {@code title} and {@code text},
 * default operator AND, no leading wildcards), over the fields of {@link RuleFields}.
 *
 * <p>Supported: terms, phrases ({@code "peace treaty"}), {@code AND}/{@code OR}/{@code NOT} and
 * {@code +}/{@code -}, grouping, proximity ({@code "border demarcation"~5}), wildcards
 * ({@code sanction*}), fuzzy terms ({@code Pashinian~1}), regular expressions and fields
 * ({@code title:}, {@code text:}, {@code entity:}, {@code source:}, {@code lang:},
 * {@code topic:}, {@code author:}, ...). A query that is only negative ({@code NOT sport}) matches
 * everything else, as in Elasticsearch. Whitespace is not an operator: the words of a piece of
 * text between operators ({@code armenia border}) must all be in the title or all in the text,
 * while {@code armenia AND border} lets each be in either, exactly as Elasticsearch's
 * {@code query_string} does over several fields. Thread-safe.
 */
public final class RuleQueries {
    private static final Pattern LEXICAL_POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private RuleQueries() {}

    /**
     * The Lucene query of {@code query}.
     *
     * @throws InvalidQueryException saying what is wrong and where, when the query is empty, not
     *                              valid syntax, names a field rules cannot use, or is too large or
     *                              complex to run ({@link QueryBounds}); no other exception escapes
     */
    public static Query parse(String query) {
        return parse(query, false);
    }

    /**
     * The query enrich-service's live matcher registers: the same matches, cheaper to match (terms
     * without a field target {@link RuleFields#CONTENT}, see {@link RuleQueryParser}).
     */
    public static Query parseForMatching(String query) {
        return parse(query, true);
    }

    private static Query parse(String query, boolean combineDefaultFields) {
        if (query == null || query.isBlank()) throw new InvalidQueryException(query, -1, "the query is empty");
        QueryBounds.checkText(query);
        Query parsed;
        try {
            parsed = new RuleQueryParser(combineDefaultFields).parse(query);
        } catch (RuleQueryParser.RuleProblem e) {
            throw new InvalidQueryException(query, query.indexOf(e.near()), e.getMessage());
        } catch (ParseException e) {
            throw fromParser(query, e);
        } catch (RuntimeException | StackOverflowError e) {
            // Anything else Lucene may throw while building the query is still the query's fault:
            // it must become a refusal, never a 500 or a dead matcher thread.
            throw new InvalidQueryException(query, -1, "the query cannot be built (" + e.getClass().getSimpleName()
                    + "); simplify it");
        }
        QueryBounds.checkClauses(query, parsed);
        return parsed;
    }

    /** Checks {@code query}; the same as {@link #parse} without the result. */
    public static void validate(String query) {
        parse(query);
    }

    private static InvalidQueryException fromParser(String query, ParseException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof ParseException syntax && syntax.currentToken != null) {
            Token unexpected = syntax.currentToken.next;
            if (unexpected == null || unexpected.kind == 0) {
                return new InvalidQueryException(query, query.length() - 1, "the query ends too early (an operator "
                        + "without a term after it, or an unclosed bracket?)");
            }
            return new InvalidQueryException(query, unexpected.beginColumn, "unexpected \"" + unexpected.image
                    + "\"" + hint(unexpected.image));
        }
        if (cause instanceof TokenMgrError lexical) return fromLexer(query, lexical);
        if (cause instanceof IndexSearcher.TooManyClauses) {
            return new InvalidQueryException(query, -1, "the query has more than " + IndexSearcher.getMaxClauseCount()
                    + " terms in one group");
        }
        return new InvalidQueryException(query, -1, stripPrefix(String.valueOf(cause.getMessage())));
    }

    private static InvalidQueryException fromLexer(String query, TokenMgrError error) {
        Matcher at = LEXICAL_POSITION.matcher(String.valueOf(error.getMessage()));
        int position = at.find() ? Math.min(Integer.parseInt(at.group(2)), query.length()) - 1 : -1;
        String reason = error.getMessage() != null && error.getMessage().contains("<EOF>")
                ? "the query ends inside a quote or after a backslash (unclosed \"?)"
                : "a character that the syntax does not allow here (escape it with \\)";
        return new InvalidQueryException(query, position, reason);
    }

    private static String hint(String image) {
        String word = image.trim().toUpperCase(Locale.ROOT);
        if (word.equals("AND") || word.equals("OR") || word.equals("NOT")) {
            return ": a term, a phrase or \"(\" must come after an operator, and an operator cannot start a query";
        }
        if (word.equals(")")) return ": it closes no \"(\"";
        if (word.startsWith("*") || word.startsWith("?")) return ": a wildcard cannot start a term";
        return ": check the quotes, brackets and operators around it";
    }

    private static String stripPrefix(String message) {
        int colon = message.indexOf("': ");
        return message.startsWith("Cannot parse '") && colon > 0 ? message.substring(colon + 3) : message;
    }
}
