package io.newswatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.index.bulk.ArchiveLoader;
import io.newswatch.index.elastic.ArticleIndex;
import io.newswatch.index.elastic.ElasticConfig;
import io.newswatch.index.elastic.ElasticConnection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Loads generated articles straight into Elasticsearch through index-service's {@link ArchiveLoader} (its
 * template, alias, monthly indices and bulk code; not through Kafka), a few bulk requests in flight, and
 * measures the rate and the resulting index size.
 */
final class SearchBenchLoad {
    /** Documents per bulk request: index-service's default {@code bulk.max-docs}. */
    static final int BATCH = 500;
    private static final int PROGRESS_EVERY = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the load did.
     *
     * @param articles how many were accepted
     * @param seconds  wall time from the first bulk request to the refresh after the last
     * @param indices  monthly indices behind the alias
     * @param bytes    size on disk of the primaries
     * @param analysis how the cluster analyses text, as index-service detected it
     */
    record Result(long articles, double seconds, int indices, long bytes, String analysis) {
        double rate() {
            return articles / seconds;
        }
    }

    private SearchBenchLoad() {}

    static Result run(String elasticUrl, String alias, SearchBenchArticles generator, int count, int threads,
                      Consumer<String> progress) throws Exception {
        ArticleIndex index = new ArticleIndex(alias);
        try (ElasticConnection elastic = ElasticConnection.open(ElasticConfig.of(elasticUrl))) {
            ArchiveLoader loader = new ArchiveLoader(elastic.client(), index, BATCH);
            String analysis = loader.setUp().analysis();
            long start = System.nanoTime();
            long loaded = loadAll(loader, generator, count, threads, progress);
            refresh(elasticUrl, alias);
            double seconds = (System.nanoTime() - start) / 1e9;
            JsonNode stats = get(elasticUrl + "/" + alias + "/_stats/store,docs");
            return new Result(loaded, seconds, stats.path("indices").size(),
                    stats.path("_all").path("primaries").path("store").path("size_in_bytes").asLong(), analysis);
        }
    }

    /** Generates on this thread while {@code threads} others send; at most two batches wait per sender. */
    private static long loadAll(ArchiveLoader loader, SearchBenchArticles generator, int count, int threads,
                                Consumer<String> progress) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        Semaphore inFlight = new Semaphore(threads * 2);
        AtomicLong loaded = new AtomicLong();
        List<Future<?>> sent = new ArrayList<>();
        try {
            for (int from = 0; from < count; from += BATCH) {
                List<EnrichedArticle> batch = new ArrayList<>(BATCH);
                for (int n = from; n < Math.min(count, from + BATCH); n++) batch.add(generator.article(n));
                inFlight.acquire();
                sent.add(senders.submit(() -> {
                    try {
                        long done = loaded.addAndGet(loader.load(batch));
                        if (done / PROGRESS_EVERY != (done - batch.size()) / PROGRESS_EVERY) {
                            progress.accept("loaded " + done + "/" + count + " articles");
                        }
                        return null;
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<?> f : sent) f.get();
        } finally {
            senders.shutdownNow();
        }
        return loaded.get();
    }

    private static void refresh(String elasticUrl, String alias) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(elasticUrl + "/" + alias + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url)).GET().build()));
    }

    private static String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
