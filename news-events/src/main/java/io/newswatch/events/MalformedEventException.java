package io.newswatch.events;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's bytes are not a valid event of the expected type. The message says which type,
 * and what was wrong (bad JSON, a missing field, a field of the wrong type).
 */
public final class MalformedEventException extends SerializationException {
    private final String eventType;

    public MalformedEventException(String eventType, String problem, Throwable cause) {
        super("not a valid " + eventType + ": " + problem, cause);
        this.eventType = eventType;
    }

    /** Simple name of the record type that was expected. */
    public String eventType() {
        return eventType;
    }
}
