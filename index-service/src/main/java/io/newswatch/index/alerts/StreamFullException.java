package io.newswatch.index.alerts;

/** The live alert stream has as many clients as {@code alerts.stream-max-clients} allows: a 503, try later. */
public final class StreamFullException extends RuntimeException {
    public StreamFullException() {
        super("the live alert stream has as many clients as it serves (alerts.stream-max-clients); try again later");
    }
}
