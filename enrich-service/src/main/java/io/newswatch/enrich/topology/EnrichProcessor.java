package io.newswatch.enrich.topology;

import io.newswatch.enrich.enrichment.Enricher;
import io.newswatch.events.DeadLetter;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.MalformedEventException;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Reads a {@code news.raw} record, enriches it and forwards the {@code news.enriched} record (to
 * its sink and to the rule matcher), or forwards the original bytes to the dead-letter sink when
 * the record is not a RawArticle or its enrichment fails. The enriched record is serialised here,
 * inside the try, so a value that cannot be written becomes a dead letter too instead of a failed
 * stream.
 */
final class EnrichProcessor extends ContextualProcessor<byte[], byte[], byte[], byte[]> {
    static final String SERVICE = "enrich-service";
    /**
     * Kafka's default max.request.size is 1 MiB; leave room for the key, headers and batch
     * overhead so that the producer never rejects what we forward.
     */
    static final int MAX_VALUE_BYTES = 1_000_000;

    private final Enricher enricher;
    private final EnrichCounters counters;

    EnrichProcessor(Enricher enricher, EnrichCounters counters) {
        this.enricher = enricher;
        this.counters = counters;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        try {
            RawArticle raw = Topics.RAW.valueSerde().deserializer().deserialize(Topics.RAW.name(), record.value());
            if (raw == null) throw new MalformedEventException("RawArticle", "the value is null (a tombstone)", null);
            EnrichedArticle enriched = counters.enrichmentTime().record(() -> enricher.enrich(raw));
            forwardEnriched(record, enriched);
        } catch (MalformedEventException e) {
            deadLetter(record, e, counters.malformed()::increment);
        } catch (TooLargeException e) {
            deadLetter(record, e, counters.tooLarge()::increment);
        } catch (RuntimeException e) {
            deadLetter(record, e, counters.failed()::increment);
        }
    }

    private void forwardEnriched(Record<byte[], byte[]> record, EnrichedArticle enriched) {
        byte[] key = Topics.ENRICHED.keySerde().serializer().serialize(Topics.ENRICHED.name(), enriched.id());
        byte[] value = Topics.ENRICHED.valueSerde().serializer().serialize(Topics.ENRICHED.name(), enriched);
        if (value.length > MAX_VALUE_BYTES) {
            throw new TooLargeException("the enriched article is " + value.length + " bytes, over the "
                    + MAX_VALUE_BYTES + "-byte limit of a record");
        }
        // Fresh headers: a record replayed from news.dlq still carries its dead-letter headers.
        Record<byte[], byte[]> out = record.withKey(key).withValue(value).withHeaders(new RecordHeaders());
        context().forward(out, EnrichTopology.ENRICHED_SINK);
        context().forward(out, EnrichTopology.MATCHER);
        counters.enriched().increment();
    }

    private void deadLetter(Record<byte[], byte[]> record, RuntimeException error, Runnable count) {
        RecordMetadata origin = context().recordMetadata().orElseThrow();
        Headers headers = copy(record.headers());
        DeadLetter.ofRecord(SERVICE, origin.topic(), origin.partition(), origin.offset(), error).toHeaders()
                .forEach(headers::add);
        context().forward(record.withHeaders(headers), EnrichTopology.DEAD_LETTER_SINK);
        count.run();
    }

    private static Headers copy(Headers original) {
        RecordHeaders copy = new RecordHeaders();
        for (Header header : original) copy.add(header);
        return copy;
    }

    /** The enriched record would be rejected by the broker. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(String message) {
            super(message);
        }
    }
}
