package io.newswatch.index.rules;

/** A rule that cannot be stored as given; names the field and says what is wrong with it. */
public final class InvalidRuleException extends RuntimeException {
    private final String field;

    public InvalidRuleException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    /** The field of the request body at fault ({@code query}, {@code webhook}, ...). */
    public String field() {
        return field;
    }
}
