package io.newswatch.index.cli;

import io.newswatch.events.EventJson;
import io.newswatch.index.IndexConfig;
import io.newswatch.index.deadletter.DeadLetterQueue;
import io.newswatch.index.deadletter.ParkedRecord;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dead-letters}: lists what is parked in {@code news.dlq}, one JSON line per record (reason,
 * origin, key, the start of the value); with {@code --replay}, sends the selected records back to the
 * topic they came from. Kafka settings as the service's ({@code NEWSWATCH_KAFKA_*}).
 */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = {"Lists the records parked in news.dlq (JSON Lines: reason, origin, key, value preview);",
                "with --replay sends them back to the topic they came from (safe: ids make writes idempotent)."})
final class DeadLettersCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--bootstrap-servers", description = "Kafka (default: kafka.bootstrap-servers of index-service)")
    String bootstrapServers;

    @Option(names = "--topic", description = "only records parked from this topic, e.g. news.raw")
    String topic;

    @Option(names = "--since", description = "only records parked at or after this instant (2026-11-27T00:00:00Z)")
    Instant since;

    @Option(names = "--replay", description = "send the selected records back to their source topic")
    boolean replay;

    DeadLettersCommand() {
        this(System.out, System.err);
    }

    DeadLettersCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Map<String, Object> kafka = new LinkedHashMap<>(IndexConfig.load().kafkaClientProperties());
        if (bootstrapServers != null) kafka.put("bootstrap.servers", bootstrapServers);
        AtomicLong selected = new AtomicLong();
        AtomicLong replayed = new AtomicLong();
        try (DeadLetterQueue queue = new DeadLetterQueue(kafka);
             DeadLetterQueue.Replayer replayer = replay ? queue.replayer() : null) {
            long read = queue.scan(new DeadLetterQueue.Selection(topic, since), record -> {
                selected.incrementAndGet();
                Map<String, Object> line = record.describe();
                if (replayer != null) line.put("replayed", replay(replayer, record, replayed));
                out.println(new String(EventJson.write(line), StandardCharsets.UTF_8));
            });
            err.println("dead-letters: " + read + " parked, " + selected + " selected"
                    + (replay ? ", " + replayed + " replayed" : ""));
            return 0;
        } catch (RuntimeException e) {
            err.println("dead-letters failed: " + e.getMessage());
            return 1;
        }
    }

    private static boolean replay(DeadLetterQueue.Replayer replayer, ParkedRecord record, AtomicLong replayed) {
        if (!record.replayable()) return false;
        replayer.replay(record);
        replayed.incrementAndGet();
        return true;
    }
}
