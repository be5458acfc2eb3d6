package io.newswatch.support.outbound;

/** A destination the outbound policy does not allow; the message says why in user terms. */
public final class RefusedDestinationException extends Exception {
    public RefusedDestinationException(String reason) {
        super(reason);
    }
}
