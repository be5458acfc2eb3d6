package io.newswatch.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import io.newswatch.infra.ElasticsearchOptions;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.infra.KafkaOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-alerts}: alert latency on the local stack. Starts Kafka, Elasticsearch and the services on free
 * ports, creates one rule, publishes articles that match it to {@code news.raw} at a steady rate and measures,
 * per article, the time from the broker's acknowledgement of its publication until its alert arrives on
 * {@code GET /api/alerts/stream}.
 */
@Command(name = "bench-alerts", mixinStandardHelpOptions = true,
        description = "Measures the latency from publication to news.raw until the alert is on the SSE stream.")
final class BenchAlerts implements Callable<Integer> {
    static final String RULE = "\"latency probe\" AND Syunik";

    @Option(names = "--articles", description = "articles measured (default ${DEFAULT-VALUE})")
    int articles = 200;

    @Option(names = "--rate", description = "articles published per second (default ${DEFAULT-VALUE})")
    double rate = 10;

    @Option(names = "--warmup", description = "articles published first and not measured (default ${DEFAULT-VALUE})")
    int warmup = 20;

    @Option(names = "--timeout", description = "seconds to wait for the last alerts (default ${DEFAULT-VALUE})")
    int timeoutSeconds = 60;

    private final Map<String, Long> published = new ConcurrentHashMap<>();

    @Override
    public Integer call() throws Exception {
        Path workDir = Files.createTempDirectory("newswatch-bench-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(KafkaOptions.defaults().withPort(0));
             EmbeddedElasticsearch elastic = EmbeddedElasticsearch.start(ElasticsearchOptions.defaults().withHttpPort(0));
             Pipeline pipeline = Pipeline.startWithoutIngest(kafka.bootstrapServers(), elastic.httpUrl(),
                     Pipeline.Ports.anyFree(), workDir)) {
            say("stack up: Kafka " + kafka.bootstrapServers() + ", Elasticsearch " + elastic.httpUrl() + ", API "
                    + pipeline.apiUrl());
            createRule(pipeline.apiUrl());
            try (AlertStreamClient stream = AlertStreamClient.connect(pipeline.apiUrl());
                 KafkaProducer<String, RawArticle> producer = producer(kafka.bootstrapServers())) {
                awaitRuleLive(producer, stream);
                List<RawArticle> warm = probes("warmup", warmup);
                say("warming up with " + warm.size() + " articles ...");
                publishSteadily(producer, warm, stream);
                awaitAlerts(stream, warm, Duration.ofMinutes(2));
                List<RawArticle> measured = probes("run", articles);
                say("publishing " + measured.size() + " articles at " + rate + "/s ...");
                long start = System.nanoTime();
                publishSteadily(producer, measured, stream);
                boolean complete = awaitAlerts(stream, measured, Duration.ofSeconds(timeoutSeconds));
                report(measured, stream, start);
                return complete ? 0 : 1;
            }
        } finally {
            LocalStack.deleteRecursively(workDir);
        }
    }

    private void createRule(String apiUrl) throws Exception {
        String body = new ObjectMapper().createObjectNode().put("name", "latency benchmark").put("query", RULE)
                .toString();
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(apiUrl + "/api/rules")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) throw new IllegalStateException("rule refused: " + created.body());
        say("rule " + RULE + " created");
    }

    /**
     * The rule reaches enrich-service through a global table a moment after the API accepted it: one article
     * every half second until an alert comes back, so no measured article races the rule.
     */
    private void awaitRuleLive(KafkaProducer<String, RawArticle> producer, AlertStreamClient stream)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        for (int i = 0; System.nanoTime() < deadline; i++) {
            RawArticle primer = probes("primer-" + i, 1).get(0);
            producer.send(new ProducerRecord<>(Topics.RAW.name(), primer.id(), primer)).get();
            for (int wait = 0; wait < 10; wait++) {
                if (stream.arrival(primer.id()) != null) {
                    say("rule live: first alert on the stream after " + (i + 1) + " primer article(s)");
                    return;
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("no alert on the stream within 2 minutes of creating the rule");
    }

    /** Articles matching {@link #RULE}, each with a URL of its own. */
    private static List<RawArticle> probes(String batch, int count) {
        String run = Long.toString(System.currentTimeMillis(), 36);
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> RawArticle.of(
                "https://bench.example/" + run + "/" + batch + "-" + i, null, "bench.example",
                "Latency probe " + i + " from Syunik", List.of(), Instant.now(), null, Instant.now(), "en",
                "Latency probe " + i + ": the Syunik governor said the border commission met in Kapan "
                        + "to discuss roads, schools and the water supply of the villages.")).toList();
    }

    /** One article every 1/rate seconds; its publication time is when the broker acknowledged it. */
    private void publishSteadily(KafkaProducer<String, RawArticle> producer, List<RawArticle> batch,
                                 AlertStreamClient stream) throws InterruptedException {
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
        long next = System.nanoTime();
        for (int i = 0; i < batch.size(); i++) {
            RawArticle article = batch.get(i);
            producer.send(new ProducerRecord<>(Topics.RAW.name(), article.id(), article), (meta, error) -> {
                if (error == null) published.put(article.id(), System.nanoTime());
            });
            if ((i + 1) % 50 == 0) say("published " + (i + 1) + "/" + batch.size() + ", their alerts so far "
                    + (batch.size() - missing(stream, batch)));
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        }
        producer.flush();
    }

    private boolean awaitAlerts(AlertStreamClient stream, List<RawArticle> batch, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (missing(stream, batch) > 0 && System.nanoTime() < deadline) Thread.sleep(50);
        long missing = missing(stream, batch);
        if (missing > 0) say(missing + " alerts did not arrive within " + within);
        return missing == 0;
    }

    private static long missing(AlertStreamClient stream, List<RawArticle> batch) {
        return batch.stream().filter(a -> stream.arrival(a.id()) == null).count();
    }

    private void report(List<RawArticle> batch, AlertStreamClient stream, long start) {
        double[] millis = batch.stream().filter(a -> stream.arrival(a.id()) != null && published.containsKey(a.id()))
                .mapToDouble(a -> (stream.arrival(a.id()) - published.get(a.id())) / 1e6).toArray();
        long last = batch.stream().map(a -> stream.arrival(a.id())).filter(java.util.Objects::nonNull)
                .mapToLong(Long::longValue).max().orElse(start);
        double seconds = (last - start) / 1e9;
        say(String.format(Locale.ROOT, "%d of %d alerts on the stream; latency publication -> SSE: %s; "
                + "throughput %.1f alerts/s (offered %.1f articles/s)", millis.length, batch.size(),
                Latencies.of(millis).summary(), millis.length / seconds, rate));
    }

    private static KafkaProducer<String, RawArticle> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
    }

    private static void say(String line) {
        System.out.println("bench-alerts: " + line);
    }
}
