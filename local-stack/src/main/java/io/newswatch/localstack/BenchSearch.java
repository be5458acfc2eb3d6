package io.newswatch.localstack;

import io.newswatch.index.IndexConfig;
import io.newswatch.index.IndexService;
import io.newswatch.infra.ElasticsearchOptions;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.infra.KafkaOptions;
import io.newswatch.support.Settings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-search}: search latency over a generated archive on the local stack. Starts Elasticsearch and
 * Kafka on free ports, bulk-loads generated articles straight into the index through index-service's own
 * set-up and bulk code (not through Kafka), starts index-service and times its search API over HTTP. Progress
 * goes to stderr; the figures (load rate, index size, p50/p99/mean per query type) to stdout.
 */
@Command(name = "bench-search", mixinStandardHelpOptions = true,
        description = "Measures search latency (p50/p99, with facets and highlights) over generated articles.")
final class BenchSearch implements Callable<Integer> {
    @Option(names = "--articles", description = "articles generated and loaded (default ${DEFAULT-VALUE})")
    int articles = 100_000;

    @Option(names = "--rounds", description = "timed requests per query type (default ${DEFAULT-VALUE})")
    int rounds = 200;

    @Option(names = "--warmup", description = "untimed rounds of every query type first (default ${DEFAULT-VALUE})")
    int warmup = 20;

    @Option(names = "--deep-pages", description = "pages a deep walk follows the cursor to (default ${DEFAULT-VALUE})")
    int deepPages = 25;

    @Option(names = "--heap", description = "Elasticsearch heap (default ${DEFAULT-VALUE})")
    String heap = "1g";

    @Option(names = "--load-threads", description = "bulk requests in flight (default ${DEFAULT-VALUE})")
    int loadThreads = 2;

    @Option(names = "--seed", description = "random seed of articles and queries (default ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--corpus", description = "ground-truth.json of the article-extraction benchmark, for more "
            + "varied text (default: ../shared/bench/article-extraction/ground-truth.json when it exists)")
    Path corpusFile;

    private final PrintStream out;
    private final PrintStream err;

    BenchSearch() {
        this(System.out, System.err);
    }

    BenchSearch(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        SearchBenchCorpus corpus = SearchBenchCorpus.load(Optional.ofNullable(corpusFile).or(SearchBenchCorpus::findBenchmarkBodies));
        progress("corpus: " + corpus.sentences().size() + " sentences, " + corpus.words().size() + " query words, "
                + corpus.entities().size() + " knowledge-base entities, " + corpus.topics().size() + " topics");
        SearchBenchArticles generator = new SearchBenchArticles(corpus, seed, Instant.now());
        progress("starting Elasticsearch (heap " + heap + ") and Kafka ...");
        try (EmbeddedElasticsearch elastic = EmbeddedElasticsearch.start(
                ElasticsearchOptions.defaults().withHttpPort(0).withHeap(heap));
             EmbeddedKafka kafka = EmbeddedKafka.start(KafkaOptions.defaults().withPort(0))) {
            Settings settings = Settings.load(IndexConfig.SERVICE).with("kafka.bootstrap-servers",
                    kafka.bootstrapServers()).with("elasticsearch.url", elastic.httpUrl())
                    .with("http.host", "127.0.0.1").with("http.port", "0");
            String alias = IndexConfig.from(settings).alias();
            progress("loading " + articles + " articles into " + alias + " (bulk, " + loadThreads + " in flight; "
                    + "not through Kafka) ...");
            SearchBenchLoad.Result load = SearchBenchLoad.run(elastic.httpUrl(), alias, generator, articles, loadThreads,
                    this::progress);
            try (IndexService index = IndexService.start(IndexConfig.from(settings))) {
                String api = "http://127.0.0.1:" + index.port();
                new SearchProbe(api).awaitTotal("*", load.articles(), Duration.ofMinutes(2));
                Map<String, SearchBenchTimer.Sample> timings = new SearchBenchTimer(api, corpus, seed, this::progress)
                        .run(warmup, rounds, deepPages);
                report(load, timings);
            }
        }
        return 0;
    }

    private void report(SearchBenchLoad.Result load, Map<String, SearchBenchTimer.Sample> timings) {
        out.printf(Locale.ROOT, "load: %d articles in %.1f s = %.0f articles/s (generated, bulk-loaded straight into "
                + "Elasticsearch through index-service's template/alias/bulk code, not through Kafka)%n",
                load.articles(), load.seconds(), load.rate());
        out.printf(Locale.ROOT, "index: %d indices behind the alias, %.1f MiB on disk (primaries, after refresh); "
                + "Elasticsearch heap %s; analysis: %s%n", load.indices(), load.bytes() / 1024.0 / 1024.0, heap,
                load.analysis());
        out.println("search: GET /api/search over HTTP, one request at a time, page of 20 with facets (sources, "
                + "languages, entities, topics, countries), date histogram and highlights");
        out.printf(Locale.ROOT, "%-36s %6s %9s %9s %9s %10s%n", "query type", "n", "p50 ms", "p99 ms", "mean ms",
                "mean hits");
        timings.forEach((type, sample) -> {
            double[] millis = sample.millis().stream().mapToDouble(Double::doubleValue).toArray();
            Latencies latencies = Latencies.of(millis);
            out.printf(Locale.ROOT, "%-36s %6d %9.1f %9.1f %9.1f %10.0f%n", type, millis.length,
                    latencies.percentile(50), latencies.percentile(99), mean(millis),
                    sample.totals().stream().mapToLong(Long::longValue).average().orElse(0));
        });
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }

    private void progress(String line) {
        err.println("bench-search: " + line);
    }

    /** The query types in the order of the table, for tests. */
    static List<String> rowLabels() {
        List<String> labels = new java.util.ArrayList<>();
        for (SearchBenchQueries q : SearchBenchQueries.values()) labels.add(q.label);
        labels.add(SearchBenchTimer.DEEP);
        return labels;
    }
}
