package io.newswatch.enrich.topology;

import io.micrometer.core.instrument.Counter;
import io.newswatch.events.DeadLetter;
import io.newswatch.events.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do when the broker refuses an output record. Retriable errors are retried; a record
 * that is too large (the processor checks the size, so this is a last resort) becomes a dead
 * letter holding the original input bytes, and processing goes on; anything else fails the
 * stream thread, because dropping output silently would be worse than stopping visibly.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {
    /** Streams config key under which the service passes the Counter of these dead letters. */
    public static final String COUNTER_CONFIG = "newswatch.enrich.production-dead-letters";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

    private Counter deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        Object counter = configs.get(COUNTER_CONFIG);
        deadLetters = counter instanceof Counter c ? c : null;
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception error) {
        if (error instanceof RetriableException) return Response.retry();
        if (error instanceof RecordTooLargeException && !Topics.DLQ.name().equals(record.topic())) {
            LOG.warn("record for {} from {}-{}@{} is too large, sent to {}: {}", record.topic(), context.topic(),
                    context.partition(), context.offset(), Topics.DLQ.name(), error.getMessage());
            if (deadLetters != null) deadLetters.increment();
            return Response.resume(List.of(deadLetter(context, error)));
        }
        LOG.error("cannot write to {}; stopping the stream thread", record.topic(), error);
        return Response.fail();
    }

    private static ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, Exception error) {
        DeadLetter letter = DeadLetter.ofRecord(EnrichProcessor.SERVICE, context.topic(), context.partition(),
                context.offset(), error);
        return new ProducerRecord<>(Topics.DLQ.name(), null, null, context.sourceRawKey(), context.sourceRawValue(),
                letter.toHeaders());
    }
}
