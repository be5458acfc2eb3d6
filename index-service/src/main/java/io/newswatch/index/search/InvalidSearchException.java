package io.newswatch.index.search;

/** A search request that cannot be run as given; says which parameter and what is wrong with it. */
public final class InvalidSearchException extends RuntimeException {
    private final String parameter;

    public InvalidSearchException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    /** The query parameter at fault ({@code q}, {@code size}, ...). */
    public String parameter() {
        return parameter;
    }
}
