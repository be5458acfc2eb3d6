package io.newswatch.ingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.fetch.SavedPages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Scores the extractor on the article-extraction benchmark (DESIGN.md): {@code html/<id>.html.gz}
 * pages and {@code ground-truth.json}. With {@code --reference} it scores a published output
 * instead, which checks this port of the metric.
 */
@Command(name = "bench-extract", mixinStandardHelpOptions = true,
        description = "Score article extraction on a benchmark directory (html/<id>.html.gz, ground-truth.json).")
final class BenchExtractCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "benchmark directory")
    Path dir;

    @Option(names = "--reference", description = "score this output file ({id: {articleBody}}) instead of extracting")
    Path reference;

    @Option(names = "--worst", description = "list the N pages that score worst", defaultValue = "0")
    int worst;

    @Option(names = "--rounds", defaultValue = "1",
            description = "extract every page this many times; speed is reported for the last round (JIT warm)")
    int rounds;

    @Spec
    CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        JsonNode truth = json.readTree(dir.resolve("ground-truth.json").toFile());
        JsonNode predictions = reference == null ? null : outputs(json.readTree(reference.toFile()));
        for (int round = 1; round < rounds && predictions == null; round++) {
            score(truth, null); // warm-up rounds
        }
        long started = System.nanoTime();
        List<Map.Entry<String, Double>> perPage = new ArrayList<>();
        ShingleScore score = score(truth, predictions, perPage);
        report(score, perPage, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private ShingleScore score(JsonNode truth, JsonNode predictions) throws IOException {
        return score(truth, predictions, new ArrayList<>());
    }

    private ShingleScore score(JsonNode truth, JsonNode predictions, List<Map.Entry<String, Double>> perPage)
            throws IOException {
        ShingleScore score = new ShingleScore();
        for (Map.Entry<String, JsonNode> page : truth.properties()) {
            String expected = page.getValue().path("articleBody").asText("");
            String actual = predictions == null ? extract(page.getKey(), page.getValue().path("url").asText(null))
                    : predictions.path(page.getKey()).path("articleBody").asText("");
            score.add(expected, actual);
            perPage.add(Map.entry(page.getKey(), ShingleScore.pageF1(expected, actual)));
        }
        return score;
    }

    private String extract(String id, String url) throws IOException {
        var page = SavedPages.read(dir.resolve("html").resolve(id + ".html.gz"), url);
        return new ArticleExtractor().extract(page).text();
    }

    /** Some published outputs wrap the pages as {"output": {...}}. */
    private static JsonNode outputs(JsonNode root) {
        return root.has("output") && root.get("output").isObject() ? root.get("output") : root;
    }

    private void report(ShingleScore score, List<Map.Entry<String, Double>> perPage, double seconds) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "pages %d  F1 %.3f  P %.3f  R %.3f  %.1f pages/s%n", score.pages(), score.f1(),
                score.precision(), score.recall(), score.pages() / seconds);
        perPage.sort(Comparator.comparingDouble(Map.Entry::getValue));
        perPage.stream().limit(worst).forEach(e -> out.printf(Locale.ROOT, "  %.3f %s%n", e.getValue(), e.getKey()));
        out.flush();
    }
}
