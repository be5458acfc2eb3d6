package io.newswatch.index.rules;

/** No rule has this id (never created, or deleted). */
public final class UnknownRuleException extends RuntimeException {
    public UnknownRuleException(String id) {
        super("no rule with id '" + id + "'");
    }
}
