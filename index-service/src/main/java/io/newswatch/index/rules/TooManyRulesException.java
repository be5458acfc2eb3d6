package io.newswatch.index.rules;

/** A new rule past {@code rules.max-count}: a 409 that says to delete one first. */
public final class TooManyRulesException extends RuntimeException {
    public TooManyRulesException(int max) {
        super("this server holds at most " + max + " rules (rules.max-count); delete one before creating another");
    }
}
