package io.newswatch.support;

import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;

/** Ends the thread of a service part that polls a Kafka consumer on a thread of its own. */
public final class ConsumerThreads {
    private ConsumerThreads() {}

    /**
     * Wakes {@code consumer} out of its poll (the thread sees a {@code WakeupException}) and waits up to
     * {@code wait} for {@code thread} to end. The caller has told the thread to stop first.
     */
    public static void stop(Thread thread, Consumer<?, ?> consumer, Duration wait) {
        consumer.wakeup();
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
