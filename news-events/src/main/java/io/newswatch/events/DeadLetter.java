package io.newswatch.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Why and where a record could not be processed, carried in the headers of its copy on
 * {@code news.dlq}. The value and key of that copy are the original bytes, so it can be
 * inspected, fixed and replayed.
 *
 * @param service         the service that gave up on it
 * @param reason          a human-readable reason
 * @param errorClass      the exception class, or null
 * @param sourceTopic     the topic it was read from, or null (ingest: a page, not a record)
 * @param sourcePartition its partition, or -1
 * @param sourceOffset    its offset, or -1
 * @param sourceUrl       the page it came from, or null
 * @param failedAt        when it failed
 */
public record DeadLetter(String service, String reason, String errorClass, String sourceTopic,
                         int sourcePartition, long sourceOffset, String sourceUrl, Instant failedAt) {

    public static final String SERVICE = "nw.service";
    public static final String REASON = "nw.error";
    public static final String ERROR_CLASS = "nw.error.class";
    public static final String SOURCE_TOPIC = "nw.source.topic";
    public static final String SOURCE_PARTITION = "nw.source.partition";
    public static final String SOURCE_OFFSET = "nw.source.offset";
    public static final String SOURCE_URL = "nw.source.url";
    public static final String FAILED_AT = "nw.failed.at";

    public DeadLetter {
        Require.text(service, "DeadLetter.service");
        Require.text(reason, "DeadLetter.reason");
        Require.present(failedAt, "DeadLetter.failedAt");
    }

    /** A record read from {@code topic} at {@code partition}/{@code offset} failed with {@code error}. */
    public static DeadLetter ofRecord(String service, String topic, int partition, long offset, Throwable error) {
        return new DeadLetter(service, describe(error), error.getClass().getName(), topic, partition, offset,
                null, Instant.now());
    }

    /** A page at {@code url} failed with {@code error}. */
    public static DeadLetter ofPage(String service, String url, Throwable error) {
        return new DeadLetter(service, describe(error), error.getClass().getName(), null, -1, -1, url,
                Instant.now());
    }

    /** The message of an error, or its class name when it has none. */
    public static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /** These facts as Kafka headers. */
    public Headers toHeaders() {
        RecordHeaders headers = new RecordHeaders();
        put(headers, SERVICE, service);
        put(headers, REASON, reason);
        put(headers, ERROR_CLASS, errorClass);
        put(headers, SOURCE_TOPIC, sourceTopic);
        if (sourcePartition >= 0) put(headers, SOURCE_PARTITION, Integer.toString(sourcePartition));
        if (sourceOffset >= 0) put(headers, SOURCE_OFFSET, Long.toString(sourceOffset));
        put(headers, SOURCE_URL, sourceUrl);
        put(headers, FAILED_AT, failedAt.toString());
        return headers;
    }

    /** Reads a dead letter back from the headers of a {@code news.dlq} record. */
    public static DeadLetter fromHeaders(Headers headers) {
        return new DeadLetter(get(headers, SERVICE).orElse("unknown"), get(headers, REASON).orElse("unknown"),
                get(headers, ERROR_CLASS).orElse(null), get(headers, SOURCE_TOPIC).orElse(null),
                get(headers, SOURCE_PARTITION).map(Integer::parseInt).orElse(-1),
                get(headers, SOURCE_OFFSET).map(Long::parseLong).orElse(-1L),
                get(headers, SOURCE_URL).orElse(null),
                get(headers, FAILED_AT).map(Instant::parse).orElse(Instant.EPOCH));
    }

    private static void put(Headers headers, String key, String value) {
        if (value != null) headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> get(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
