package io.newswatch.ingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.fetch.SavedPages;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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
 * pages and {@code ground-truth.json}. Scores are printed for the tuning half, the held-out half
 * ({@link BenchSplit}) and all pages. With {@code --reference} it scores a published output
 * instead, which checks this port of the metric.
 */
@Command(name = "bench-extract", mixinStandardHelpOptions = true,
        description = {"Score article extraction on a benchmark directory (html/<id>.html.gz, ground-truth.json).",
            "Pages are split by id into a tuning half (CRC-32 of the id even) and a held-out half (odd);",
            "tune on the first, check on the second."})
final class BenchExtractCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "benchmark directory")
    Path dir;

    @Option(names = "--reference", description = "score this output file ({id: {articleBody}}) instead of extracting")
    Path reference;

    @Option(names = "--worst", description = "list the N pages of the tuning half that score worst", defaultValue = "0")
    int worst;

    @Option(names = "--worst-in", defaultValue = "tuning",
            description = "which pages --worst lists: tuning, held-out or all (default tuning: look at the held-out"
                    + " half's pages and it stops being held out)")
    String worstIn;

    @Option(names = "--rounds", defaultValue = "1",
            description = "extract every page this many times; speed is reported for the last round (JIT warm)")
    int rounds;

    @Option(names = "--dump", description = "write each page's extracted text to DIR/<id>.txt")
    Path dump;

    @Spec
    CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();

    /** One page's score. */
    private record Page(String id, BenchSplit half, double f1, double precision, double recall) {}

    @Override
    public Integer call() throws IOException {
        JsonNode truth = json.readTree(dir.resolve("ground-truth.json").toFile());
        JsonNode predictions = reference == null ? null : outputs(json.readTree(reference.toFile()));
        for (int round = 1; round < rounds && predictions == null; round++) {
            score(truth, null, new ArrayList<>(), new EnumMap<>(BenchSplit.class)); // warm-up rounds
        }
        if (dump != null) Files.createDirectories(dump);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        List<Page> perPage = new ArrayList<>();
        Map<BenchSplit, ShingleScore> halves = new EnumMap<>(BenchSplit.class);
        ShingleScore all = score(truth, predictions, perPage, halves);
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        report(all, halves, perPage, (System.nanoTime() - started) / 1e9, cpuSeconds);
        return 0;
    }

    private ShingleScore score(JsonNode truth, JsonNode predictions, List<Page> perPage,
            Map<BenchSplit, ShingleScore> halves) throws IOException {
        ShingleScore all = new ShingleScore();
        for (Map.Entry<String, JsonNode> page : truth.properties()) {
            String id = page.getKey();
            String expected = page.getValue().path("articleBody").asText("");
            String actual = predictions == null ? extract(id, page.getValue().path("url").asText(null))
                    : predictions.path(id).path("articleBody").asText("");
            BenchSplit half = BenchSplit.of(id);
            all.add(expected, actual);
            halves.computeIfAbsent(half, h -> new ShingleScore()).add(expected, actual);
            ShingleScore one = new ShingleScore();
            one.add(expected, actual);
            perPage.add(new Page(id, half, ShingleScore.pageF1(expected, actual), one.precision(), one.recall()));
        }
        return all;
    }

    private String extract(String id, String url) throws IOException {
        var page = SavedPages.read(dir.resolve("html").resolve(id + ".html.gz"), url);
        String text = new ArticleExtractor().extract(page).text();
        if (dump != null) Files.writeString(dump.resolve(id + ".txt"), text, StandardCharsets.UTF_8);
        return text;
    }

    /** Some published outputs wrap the pages as {"output": {...}}. */
    private static JsonNode outputs(JsonNode root) {
        return root.has("output") && root.get("output").isObject() ? root.get("output") : root;
    }

    /**
     * Speed is printed twice: per second of wall time, and per second of CPU time of the extracting
     * thread, which stays meaningful on a shared machine where other processes take the cores.
     */
    private void report(ShingleScore all, Map<BenchSplit, ShingleScore> halves, List<Page> perPage, double seconds,
            double cpuSeconds) {
        PrintWriter out = spec.commandLine().getOut();
        for (BenchSplit half : BenchSplit.values()) {
            ShingleScore s = halves.get(half);
            if (s != null) line(out, half.label, s);
        }
        line(out, "all", all);
        out.printf(Locale.ROOT, "%.1f pages/s (one thread, last round); %.1f pages per CPU-second of that thread%n",
                all.pages() / seconds, all.pages() / cpuSeconds);
        perPage.sort(Comparator.comparingDouble(Page::f1));
        perPage.stream().filter(p -> worstIn.equals("all") || p.half().label.equals(worstIn)).limit(worst)
                .forEach(p -> out.printf(Locale.ROOT, "  %.3f  P %.3f  R %.3f  %s%n", p.f1(), p.precision(),
                        p.recall(), p.id()));
        out.flush();
    }

    private static void line(PrintWriter out, String label, ShingleScore s) {
        out.printf(Locale.ROOT, "%-9s pages %3d  F1 %.3f  P %.3f  R %.3f%n", label, s.pages(), s.f1(),
                s.precision(), s.recall());
    }
}
