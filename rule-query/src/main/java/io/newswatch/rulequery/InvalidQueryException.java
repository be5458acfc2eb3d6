package io.newswatch.rulequery;

/**
 * A rule query that cannot be used, with where the problem is. The message says what is wrong,
 * the position, and shows the query with a caret under that position, e.g.
 * <pre>
 * unexpected "AND" at character 7: a term, a phrase or "(" must come after an operator
 *   peace AND AND treaty
 *             ^
 * </pre>
 */
public final class InvalidQueryException extends IllegalArgumentException {
    private final String query;
    private final int position;
    private final String reason;

    /**
     * @param query    the query as written
     * @param position 0-based char index of the problem in {@code query}, or -1 when it has no position
     * @param reason   what is wrong, without the position
     */
    public InvalidQueryException(String query, int position, String reason) {
        super(describe(query, position, reason));
        this.query = query;
        this.position = position;
        this.reason = reason;
    }

    /** The query as written. */
    public String query() {
        return query;
    }

    /** 0-based char index of the problem in {@link #query()}, or -1 when the query as a whole is wrong. */
    public int position() {
        return position;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    private static String describe(String query, int position, String reason) {
        if (position < 0 || query == null) return reason;
        String line = query.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return reason + " at character " + (position + 1) + "\n  " + line + "\n  " + " ".repeat(position) + "^";
    }
}
