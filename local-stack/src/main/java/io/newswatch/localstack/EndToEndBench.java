package io.newswatch.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import io.newswatch.infra.ElasticsearchOptions;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.infra.KafkaOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The end-to-end benchmark behind {@code bench-e2e}: a real broker and Elasticsearch node in child processes,
 * enrich-service and index-service as JVMs of their own from their shaded jars, and this JVM publishing
 * benchmark articles to {@code news.raw} and watching {@code news.enriched}, {@code news.alerts},
 * Elasticsearch and the alert stream.
 */
final class EndToEndBench implements AutoCloseable {
    /** Restarted Kafka Streams members wait for the old member's session to end (45 s by default). */
    private static final Map<String, String> QUICK_REJOIN = Map.of("NEWSWATCH_KAFKA_CLIENT_SESSION_TIMEOUT_MS", "10000");
    private static final Duration START = Duration.ofMinutes(3);

    /**
     * What to run.
     *
     * @param sizes           articles per run, one measurement per size
     * @param warmup          articles sent through the whole pipeline first, not measured
     * @param latencyArticles articles published at a steady rate for the latencies
     * @param latencyRate     that rate, per second; 0: half the end-to-end rate just measured, so the latencies
     *                        are those of a pipeline below capacity rather than of a queue
     * @param pages           directory of the benchmark pages ({@code *.html.gz})
     */
    record Options(List<Integer> sizes, int warmup, int latencyArticles, double latencyRate, Path pages) {}

    /** Articles published together, with when the broker acknowledged each (nanoTime). */
    private record Batch(String name, List<RawArticle> articles, Map<String, Long> acked, long firstSend) {
        long lastAck() {
            return acked.values().stream().mapToLong(Long::longValue).max().orElse(firstSend);
        }
    }

    private final Options options;
    private final Consumer<String> progress;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final List<AutoCloseable> resources = new ArrayList<>();
    private E2eCorpus corpus;
    private ServiceProcess enrich;
    private ServiceProcess index;
    private ArrivalLog arrivals;
    private SearchableLog searchable;
    private ServiceUsage usage;
    private AlertStreamClient stream;
    private KafkaProducer<String, RawArticle> producer;

    private EndToEndBench(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Runs every size and returns what was measured. */
    static E2eReport run(Options options, Consumer<String> progress) throws Exception {
        try (EndToEndBench bench = new EndToEndBench(options, progress)) {
            bench.startStack();
            if (options.warmup() > 0) bench.warmUp();
            List<E2eReport.SizeResult> results = new ArrayList<>();
            for (int size : options.sizes()) {
                results.add(bench.measure(size));
                progress.accept("done:\n" + E2eReport.formatSize(results.get(results.size() - 1)));
            }
            return new E2eReport("the text ingest-service's extractor takes out of the " + bench.corpus.pageCount()
                    + " benchmark pages (" + String.format(java.util.Locale.ROOT, "%.0f", bench.corpus
                    .extractedPerSecond()) + " pages/s on one thread), replayed with new URLs and ids and published "
                    + "by this process as RawArticle to news.raw (no fetching); 13% carry words the "
                    + E2eCorpus.RULES.size() + " rules match",
                    "enrich-service and index-service run as separate JVMs (-Xmx" + ServiceJvms.HEAP + ") from their "
                    + "shaded jars; peak of jvm_memory_used_bytes{area=heap} from their /metrics, sampled every "
                    + "250 ms; the publisher is this JVM; CPU per article from process_cpu_time_ns_total over each size's runs, "
                    + "service start-ups excluded", results);
        }
    }

    private void startStack() throws Exception {
        Path workDir = Files.createTempDirectory("newswatch-bench-e2e-");
        resources.add(() -> LocalStack.deleteRecursively(workDir));
        progress.accept("extracting the benchmark pages in " + options.pages() + " ...");
        corpus = E2eCorpus.load(options.pages());
        progress.accept("starting Kafka and Elasticsearch ...");
        EmbeddedKafka kafka = keep(EmbeddedKafka.start(KafkaOptions.defaults().withPort(0)));
        EmbeddedElasticsearch elastic = keep(EmbeddedElasticsearch.start(ElasticsearchOptions.defaults()
                .withHttpPort(0).withHeap("1g")));
        enrich = keep(ServiceJvms.enrich(kafka.bootstrapServers(), workDir.resolve("enrich-state"), workDir,
                QUICK_REJOIN));
        index = keep(ServiceJvms.index(kafka.bootstrapServers(), elastic.httpUrl(), workDir, QUICK_REJOIN));
        progress.accept("starting index-service, creating the rules, starting enrich-service (logs in " + workDir
                + ") ...");
        index.start(START);
        for (Map.Entry<String, String> rule : E2eCorpus.RULES.entrySet()) createRule(rule.getKey(), rule.getValue());
        enrich.start(START);
        ServiceJvms.awaitRulesLoaded(enrich, E2eCorpus.RULES.size(), START);
        arrivals = keep(ArrivalLog.start(kafka.bootstrapServers()));
        searchable = keep(new SearchableLog(elastic.httpUrl()));
        usage = keep(new ServiceUsage(List.of(enrich, index)));
        producer = keep(producer(kafka.bootstrapServers()));
        stream = AlertStreamClient.connect(index.url());
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }

    private void warmUp() throws Exception {
        progress.accept("warming up with " + options.warmup() + " articles end to end ...");
        Batch batch = publish("warmup", options.warmup());
        awaitSearchable(batch, timeoutFor(options.warmup()));
    }

    private E2eReport.SizeResult measure(int size) throws Exception {
        long alertsBefore = arrivals.alertCount();
        usage.take();
        progress.accept(size + " articles: stages alone; stopping enrich-service and index-service ...");
        stream.close();
        enrich.stop();
        index.stop();
        Batch stages = publish("stages-" + size, size);
        double publishRate = size / seconds(stages.lastAck() - stages.firstSend());
        progress.accept(size + " articles on news.raw at " + Math.round(publishRate) + "/s; enrich-service alone ...");
        enrich.start(START);
        double enrichRate = enrichAloneRate(stages);
        progress.accept("enrich alone " + Math.round(enrichRate) + "/s; index-service alone, catching up ...");
        long indexStarted = System.nanoTime();
        index.start(START);
        stream = AlertStreamClient.connect(index.url());
        double indexRate = indexCatchUpRate(stages, indexStarted);
        progress.accept("index alone " + Math.round(indexRate) + "/s; end to end ...");
        Batch e2e = publish("e2e-" + size, size);
        long allSearchable = awaitSearchable(e2e, timeoutFor(size));
        double e2eSeconds = seconds(allSearchable - e2e.firstSend());
        double rate = options.latencyRate() > 0 ? options.latencyRate() : size / e2eSeconds / 2;
        progress.accept(String.format(java.util.Locale.ROOT, "end to end %.1f/s; latency at %.1f/s ...",
                size / e2eSeconds, rate));
        E2eReport.LatencyResult latency = latency("latency-" + size, rate);
        long expected = expectedAlerts(size) * 2 + expectedAlerts(options.latencyArticles());
        long committed = awaitAlerts(alertsBefore, expected);
        int processed = 2 * size + options.latencyArticles();
        Map<String, Double> cpuMs = new java.util.LinkedHashMap<>();
        usage.cpuSeconds().forEach((service, seconds) -> cpuMs.put(service, 1000 * seconds / processed));
        return new E2eReport.SizeResult(size, publishRate, enrichRate, indexRate, size / e2eSeconds, e2eSeconds,
                latency, expected, committed, usage.heapMiB(), cpuMs);
    }

    /** Publishes {@code count} articles as fast as the broker takes them. */
    private Batch publish(String phase, int count) throws InterruptedException {
        String name = run + "-" + phase;
        List<RawArticle> articles = new ArrayList<>(count);
        for (int seq = 0; seq < count; seq++) articles.add(corpus.article(name, seq));
        Map<String, Long> acked = new ConcurrentHashMap<>();
        long firstSend = System.nanoTime();
        for (RawArticle article : articles) send(article, acked);
        producer.flush();
        awaitAcks(acked, count);
        return new Batch(name, articles, acked, firstSend);
    }

    private void send(RawArticle article, Map<String, Long> acked) {
        producer.send(new ProducerRecord<>(Topics.RAW.name(), article.id(), article), (meta, error) -> {
            if (error == null) acked.put(article.id(), System.nanoTime());
            else progress.accept("not published: " + article.url() + ": " + error);
        });
    }

    private static void awaitAcks(Map<String, Long> acked, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (acked.size() < count && System.nanoTime() < deadline) Thread.sleep(10);
        if (acked.size() < count) throw new IllegalStateException((count - acked.size()) + " articles not published");
    }

    /** Enrich-service alone on a backlog: from the first article enriched to the last, so its start-up is not counted. */
    private double enrichAloneRate(Batch batch) throws InterruptedException {
        awaitAll(batch, arrivals::enrichedAt, "enriched");
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (RawArticle a : batch.articles()) {
            long at = arrivals.enrichedAt(a.id());
            first = Math.min(first, at);
            last = Math.max(last, at);
        }
        return (batch.articles().size() - 1) / Math.max(seconds(last - first), 0.001);
    }

    private void awaitAll(Batch batch, Function<String, Long> arrival, String what)
            throws InterruptedException {
        Duration timeout = timeoutFor(batch.articles().size());
        long deadline = System.nanoTime() + timeout.toNanos();
        long missing;
        while ((missing = batch.articles().stream().filter(a -> arrival.apply(a.id()) == null).count()) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(missing + " articles of " + batch.name() + " not " + what + " within "
                        + timeout);
            }
            Thread.sleep(100);
        }
    }

    /**
     * Index-service alone on a backlog: from the first count of searchable articles above zero to all of
     * them, so its start-up is not counted.
     */
    /**
     * Articles per second from the first searchable ones to the last; a batch that became searchable all at
     * once (one bulk request, small runs) is timed from {@code startedAt}, when index-service was started.
     */
    private double indexCatchUpRate(Batch batch, long startedAt) throws InterruptedException {
        int size = batch.articles().size();
        long deadline = System.nanoTime() + timeoutFor(size).toNanos();
        long firstAt = 0;
        long firstCount = 0;
        while (System.nanoTime() < deadline) {
            long count = searchable.count(batch.name());
            long now = System.nanoTime();
            if (count > 0 && firstAt == 0) {
                firstAt = now;
                firstCount = count;
            }
            if (count >= size && firstCount >= size) return size / Math.max(seconds(now - startedAt), 0.1);
            if (count >= size) return (size - firstCount) / Math.max(seconds(now - firstAt), 0.1);
            Thread.sleep(100);
        }
        throw new IllegalStateException(batch.name() + " not all searchable within " + timeoutFor(size));
    }

    /** Waits until every article of the batch is searchable; returns when that was seen (nanoTime). */
    private long awaitSearchable(Batch batch, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (searchable.count(batch.name()) >= batch.articles().size()) return System.nanoTime();
            Thread.sleep(50);
        }
        throw new IllegalStateException(batch.name() + " not all searchable within " + timeout);
    }

    /** Publishes at the steady rate and measures each article until searchable and until alerted. */
    private E2eReport.LatencyResult latency(String phase, double rate) throws InterruptedException {
        String name = run + "-" + phase;
        int count = options.latencyArticles();
        Map<String, Long> acked = new ConcurrentHashMap<>();
        List<RawArticle> articles = new ArrayList<>(count);
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
        long next = System.nanoTime();
        for (int seq = 0; seq < count; seq++) {
            RawArticle article = corpus.article(name, seq);
            articles.add(article);
            searchable.await(article.id());
            send(article, acked);
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        }
        producer.flush();
        List<RawArticle> alerting = new ArrayList<>();
        for (int seq = 0; seq < count; seq++) if (E2eCorpus.alerted(seq)) alerting.add(articles.get(seq));
        long missing = awaitLatencies(articles, alerting);
        return new E2eReport.LatencyResult(count, rate,
                latencies(articles, acked, searchable::foundAt), latencies(alerting, acked, arrivals::alertedAt),
                latencies(alerting, acked, stream::arrival), missing);
    }

    private long awaitLatencies(List<RawArticle> articles, List<RawArticle> alerting) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long missing = Long.MAX_VALUE;
        while (missing > 0 && System.nanoTime() < deadline) {
            missing = articles.stream().filter(a -> searchable.foundAt(a.id()) == null).count()
                    + alerting.stream().filter(a -> stream.arrival(a.id()) == null).count();
            Thread.sleep(100);
        }
        return missing;
    }

    private static Latencies latencies(List<RawArticle> articles, Map<String, Long> acked,
                                       Function<String, Long> arrival) {
        return Latencies.of(articles.stream().filter(a -> acked.containsKey(a.id()) && arrival.apply(a.id()) != null)
                .mapToDouble(a -> (arrival.apply(a.id()) - acked.get(a.id())) / 1e6).toArray());
    }

    private long awaitAlerts(long before, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (arrivals.alertCount() - before < expected && System.nanoTime() < deadline) Thread.sleep(100);
        Thread.sleep(1000); // late duplicates, if any, show up in the count
        return arrivals.alertCount() - before;
    }

    private static long expectedAlerts(int articles) {
        long alerts = 0;
        for (int seq = 0; seq < articles; seq++) if (E2eCorpus.alerted(seq)) alerts++;
        return alerts;
    }

    private void createRule(String name, String query) throws IOException, InterruptedException {
        String body = new ObjectMapper().createObjectNode().put("name", name).put("query", query).toString();
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(index.url() + "/api/rules")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) throw new IllegalStateException("rule " + name + " refused: " + created.body());
    }

    private static Duration timeoutFor(int articles) {
        return Duration.ofSeconds(180 + articles / 10);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static KafkaProducer<String, RawArticle> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024),
                Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
    }

    /** Stops the services, then the infrastructure, then deletes the working directory. */
    @Override
    public void close() {
        if (stream != null) stream.close();
        for (int i = resources.size() - 1; i >= 0; i--) Pipeline.closeQuietly(resources.get(i));
    }
}
