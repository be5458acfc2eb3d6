package io.newswatch.enrich.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.enrich.alerts.RuleMatcher;
import io.newswatch.enrich.alerts.SyntheticRules;
import io.newswatch.enrich.enrichment.Enricher;
import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.events.AlertRule;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EventJson;
import io.newswatch.events.RawArticle;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.search.IndexSearcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench-rules}: how fast one thread matches articles against many alert rules. Generates
 * realistic rules ({@link SyntheticRules}), enriches a corpus of real article texts (not timed),
 * then matches every article against every rule for a number of rounds and prints articles per
 * second and the time per article.
 */
@Command(name = "bench-rules", mixinStandardHelpOptions = true,
        description = {"Matches a corpus of real articles against generated alert rules on one thread and prints",
            "articles/s and the time per article (p50/p99). The corpus is a JSON object of",
            "{id: {url, articleBody}} (the article-extraction ground truth)."})
final class BenchRulesCommand implements Callable<Integer> {
    private static final int TITLE_CHARS = 120;
    /** Passes before timing, so the JIT has compiled the matching code. */
    private static final int WARM_UP_ROUNDS = 10;

    @Option(names = "--rules", defaultValue = "10000", description = "rules to generate (default ${DEFAULT-VALUE})")
    int ruleCount;

    @Option(names = "--corpus", defaultValue = "../shared/bench/article-extraction/ground-truth.json",
            description = "corpus file (default ${DEFAULT-VALUE})")
    Path corpus;

    @Option(names = "--rounds", defaultValue = "5", description = "timed passes over the corpus (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--passes", defaultValue = "3",
            description = "passes of the term-filtering presearcher (default ${DEFAULT-VALUE}, as the service)")
    int passes;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the rule generator (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    SentimentModelOption sentimentModel = new SentimentModelOption();

    private final PrintStream out;

    BenchRulesCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        List<RawArticle> raw = readCorpus(corpus);
        List<AlertRule> rules = SyntheticRules.generate(ruleCount, raw.stream().map(RawArticle::text).toList(), seed);
        Enricher enricher = Enricher.standard(Gazetteer.bundled(), sentimentModel.model(), Clock.systemUTC());
        List<EnrichedArticle> articles = raw.stream().map(enricher::enrich).toList();
        IndexSearcher.setDefaultQueryCache(null); // as the service does: no process-wide lock per candidate
        try (RuleMatcher matcher = RuleMatcher.create(passes)) {
            long loadStart = System.nanoTime();
            int invalid = matcher.putAll(rules).size();
            out.printf(Locale.ROOT, "rules: %d generated, %d invalid, loaded in %.1f s%n", rules.size(), invalid,
                    (System.nanoTime() - loadStart) / 1e9);
            for (int round = 0; round < WARM_UP_ROUNDS; round++) runRound(matcher, articles, new Timings());
            Timings timings = new Timings();
            long matches = 0;
            for (int round = 0; round < rounds; round++) matches += runRound(matcher, articles, timings);
            out.printf(Locale.ROOT, "corpus: %d articles x %d rounds, %.1f matching rules per article%n",
                    articles.size(), rounds, (double) matches / timings.wall.size());
            out.println(timings.summary("wall clock", timings.wall));
            out.println(timings.summary("thread CPU time (one core)", timings.cpu));
        }
        return 0;
    }

    private static long runRound(RuleMatcher matcher, List<EnrichedArticle> articles, Timings timings) {
        long matches = 0;
        for (EnrichedArticle article : articles) {
            long wall = System.nanoTime();
            long cpu = timings.threads.getCurrentThreadCpuTime();
            matches += matcher.match(article).size();
            timings.cpu.add(timings.threads.getCurrentThreadCpuTime() - cpu);
            timings.wall.add(System.nanoTime() - wall);
        }
        return matches;
    }

    /**
     * Time per article, by the wall clock and by the CPU time of the matching thread: on a machine
     * shared with other work the second says what one core does.
     */
    private static final class Timings {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final List<Long> wall = new ArrayList<>();
        final List<Long> cpu = new ArrayList<>();

        String summary(String clock, List<Long> nanos) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            double seconds = Arrays.stream(sorted).sum() / 1e9;
            return String.format(Locale.ROOT, "%s: %.0f articles/s; per article p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                    clock, sorted.length / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
                    sorted[sorted.length - 1] / 1e6);
        }
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** The articles of the corpus: body as text, the first line (cut) as title, the URL's host as source. */
    static List<RawArticle> readCorpus(Path file) throws IOException {
        JsonNode root = EventJson.mapper().readTree(Files.readAllBytes(file));
        List<RawArticle> articles = new ArrayList<>();
        Instant seen = Instant.parse("2026-11-26T00:00:00Z");
        root.fields().forEachRemaining(entry -> {
            String body = entry.getValue().path("articleBody").asText("");
            String url = entry.getValue().path("url").asText("https://bench.invalid/" + entry.getKey());
            if (body.isBlank()) return;
            String firstLine = body.strip().lines().findFirst().orElse("");
            String title = firstLine.substring(0, Math.min(TITLE_CHARS, firstLine.length()));
            articles.add(RawArticle.of(url, url, host(url), title, List.of(), null, null, seen, null, body));
        });
        return articles;
    }

    private static String host(String url) {
        String host = URI.create(url.replace(" ", "%20")).getHost();
        return host == null ? "unknown" : host.replaceFirst("^www\\.", "");
    }
}
