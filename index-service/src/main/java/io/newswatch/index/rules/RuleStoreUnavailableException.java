package io.newswatch.index.rules;

/** Kafka did not take or return a rule write in time; the client may try again. */
public final class RuleStoreUnavailableException extends RuntimeException {
    public RuleStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
