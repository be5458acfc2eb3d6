package io.newswatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Times {@code GET /api/search} over HTTP, one request at a time: each {@link SearchBenchQueries} type in turn
 * (round robin, so background merges hit all alike), plus deep walks that follow the {@code next} cursor
 * page after page. Warm-up rounds run first and are not counted.
 */
final class SearchBenchTimer {
    static final String DEEP = "deep pages 2..N via cursor";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The timings of one query type: milliseconds per request and hits found. */
    record Sample(List<Double> millis, List<Long> totals) {
        Sample() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String apiUrl;
    private final SearchBenchCorpus corpus;
    private final SplittableRandom random;
    private final Consumer<String> progress;

    SearchBenchTimer(String apiUrl, SearchBenchCorpus corpus, long seed, Consumer<String> progress) {
        this.apiUrl = apiUrl;
        this.corpus = corpus;
        this.random = new SplittableRandom(seed);
        this.progress = progress;
    }

    /** Warm-up rounds, then {@code rounds} timed rounds; the deep walk goes to {@code deepPages} pages. */
    Map<String, Sample> run(int warmup, int rounds, int deepPages) throws IOException, InterruptedException {
        progress.accept("warming up: " + warmup + " round(s) of every query type ...");
        for (int i = 0; i < warmup; i++) round(new LinkedHashMap<>(), deepPages, i == 0);
        Map<String, Sample> samples = new LinkedHashMap<>();
        int walks = Math.max(1, (int) Math.ceil(rounds / (double) Math.max(1, deepPages - 1)));
        for (int i = 0; i < rounds; i++) {
            round(samples, deepPages, i < walks);
            if ((i + 1) % 50 == 0) progress.accept("timed " + (i + 1) + "/" + rounds + " rounds");
        }
        return samples;
    }

    private void round(Map<String, Sample> samples, int deepPages, boolean walk)
            throws IOException, InterruptedException {
        for (SearchBenchQueries type : SearchBenchQueries.values()) {
            time(type.query(corpus, random), samples.computeIfAbsent(type.label, k -> new Sample()));
        }
        if (walk) deepWalk(samples.computeIfAbsent(DEEP, k -> new Sample()), deepPages);
    }

    private void deepWalk(Sample sample, int pages) throws IOException, InterruptedException {
        String first = SearchBenchQueries.deepWalk(corpus, random);
        JsonNode page = time(first, new Sample());
        for (int n = 2; n <= pages && page.hasNonNull("next"); n++) {
            page = time(first + "&after=" + URLEncoder.encode(page.get("next").asText(), StandardCharsets.UTF_8),
                    sample);
        }
    }

    private JsonNode time(String query, Sample sample) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/api/search?" + query)).timeout(TIMEOUT)
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IOException("search " + query + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode page = JSON.readTree(response.body());
        sample.millis().add(millis);
        sample.totals().add(page.path("total").asLong());
        return page;
    }
}
