package io.newswatch.enrich.cli;

import io.newswatch.enrich.enrichment.Enricher;
import io.newswatch.enrich.enrichment.EnrichmentStage;
import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.language.LanguageDetector;
import io.newswatch.events.RawArticle;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench-enrich}: how fast the enrichment of the stream runs on one thread over real
 * articles. The stages are those the service builds ({@link Enricher#standardStages}), each wrapped
 * in a {@link TimedStage}, so a stage added there is timed here without change. Warm-up passes
 * (models loaded, JIT compiled) are not counted.
 */
@Command(name = "bench-enrich", mixinStandardHelpOptions = true,
        description = {"Runs the stream's enrichment (every stage) over real articles on one thread;",
            "prints articles/s and per-stage time per article: mean/p50/p99 wall-clock ms",
            "and mean CPU ms of the thread (what one core does on a shared machine).",
            "Progress goes to stderr. The corpus is one of:",
            "  the article-extraction ground truth {id: {url, articleBody}} (default);",
            "  a folder of .txt files (first line = headline);",
            "  JSON Lines (.jsonl) with text[, url, title, language], e.g. RawArticle JSON",
            "  or the benchmark pages as ingest-service extracts them:",
            "    java -jar ingest-service/target/ingest-service.jar extract \\",
            "        ../shared/bench/article-extraction/html/*.html.gz > pages.jsonl"})
final class BenchEnrichCommand implements Callable<Integer> {
    @Option(names = "--corpus", defaultValue = "../shared/bench/article-extraction/ground-truth.json",
            description = "corpus file or folder (default ${DEFAULT-VALUE})")
    Path corpus;

    @Option(names = "--warm-up", defaultValue = "2", description = "untimed passes first (default ${DEFAULT-VALUE})")
    int warmUp;

    @Option(names = "--rounds", defaultValue = "3", description = "timed passes (default ${DEFAULT-VALUE})")
    int rounds;

    @Mixin
    SentimentModelOption sentimentModel = new SentimentModelOption();

    private final PrintStream out;
    private final PrintStream progress;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    BenchEnrichCommand(PrintStream out, PrintStream progress) {
        this.out = out;
        this.progress = progress;
    }

    @Override
    public Integer call() throws IOException {
        List<RawArticle> articles = BenchCorpus.read(corpus);
        if (articles.isEmpty()) throw new IllegalArgumentException("no articles with text in " + corpus);
        progress.printf(Locale.ROOT, "bench-enrich: %d articles from %s; loading models%n", articles.size(), corpus);
        List<TimedStage> stages = TimedStage.wrap(Enricher.standardStages(LanguageDetector.shared(), Gazetteer.bundled(),
                sentimentModel.model()));
        Enricher enricher = new Enricher(List.<EnrichmentStage>copyOf(stages), Clock.systemUTC());
        for (int pass = 1; pass <= warmUp; pass++) {
            run(enricher, articles, "warm-up " + pass + "/" + warmUp, new Timing());
        }
        stages.forEach(TimedStage::reset);
        Timing timing = new Timing();
        for (int pass = 1; pass <= rounds; pass++) run(enricher, articles, "timed " + pass + "/" + rounds, timing);
        report(articles, enricher, stages, timing);
        return 0;
    }

    /** One pass over the corpus; adds each article's enrichment time (wall clock, thread CPU) to {@code timing}. */
    private void run(Enricher enricher, List<RawArticle> articles, String label, Timing timing) {
        long started = System.nanoTime();
        for (RawArticle article : articles) {
            long cpu = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            enricher.enrich(article);
            timing.wall.add(System.nanoTime() - t);
            timing.cpu.add(threads.getCurrentThreadCpuTime() - cpu);
        }
        progress.printf(Locale.ROOT, "  %s: %d articles in %.1f s%n", label, articles.size(),
                (System.nanoTime() - started) / 1e9);
    }

    private void report(List<RawArticle> articles, Enricher enricher, List<TimedStage> stages, Timing timing) {
        LatencySummary total = LatencySummary.of(timing.wall);
        LatencySummary totalCpu = LatencySummary.of(timing.cpu);
        double meanChars = articles.stream().mapToInt(a -> a.text().length()).average().orElse(0);
        out.printf(Locale.ROOT, "corpus: %d articles (mean %.0f chars) from %s; %d warm-up + %d timed passes, one thread%n",
                articles.size(), meanChars, corpus, warmUp, rounds);
        out.println("versions: " + new TreeMap<>(enricher.versions()));
        out.printf(Locale.ROOT, "throughput: %.1f articles/s (wall clock), %.1f articles/s (thread CPU time)%n",
                total.count() / (total.sumMs() / 1e3), totalCpu.count() / (totalCpu.sumMs() / 1e3));
        out.printf(Locale.ROOT, "%-12s %9s %9s %9s %9s %8s%n", "stage", "mean ms", "p50 ms", "p99 ms", "cpu ms",
                "share");
        for (TimedStage stage : stages) {
            out.println(LatencySummary.of(stage.nanos()).row(stage.name(), LatencySummary.of(stage.cpuNanos()),
                    total.sumMs()));
        }
        out.println(total.row("total", totalCpu, total.sumMs()));
        out.flush();
    }

    /** Per-article times of the timed passes, in nanoseconds. */
    private static final class Timing {
        final List<Long> wall = new ArrayList<>();
        final List<Long> cpu = new ArrayList<>();
    }
}
