package io.newswatch.ingest.cli;

import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.fetch.SavedPages;
import io.newswatch.ingest.extract.ExtractedArticle;
import io.newswatch.ingest.fetch.FetchedPage;
import io.newswatch.ingest.fetch.Fetcher;
import io.newswatch.ingest.publish.ArticlePublisher;
import io.newswatch.ingest.publish.RawArticles;
import io.newswatch.support.KafkaTopics;
import io.newswatch.support.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ingest [--bootstrap-servers HOST:PORT] [--source NAME] URL|FILE...}: extracts each page
 * once and publishes it to {@code news.raw}; one JSON line per input, {@code {url, id, status}}
 * ({@code status} is published or failed, with {@code error}). Does not consult the service's
 * state: a backfill publishes again, and the article id keeps that idempotent. URLs given here
 * are trusted, so private addresses are allowed.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Extract pages (URLs or saved files) and publish them to news.raw; JSON Lines on stdout.")
final class IngestCommand implements Callable<Integer> {
    private static final long SEND_TIMEOUT_SECONDS = 60;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Kafka to publish to (default: kafka.bootstrap-servers setting)")
    String bootstrapServers;

    @Option(names = "--source", paramLabel = "NAME", description = "source name (default: the URL's host, or 'file')")
    String source;

    @Parameters(arity = "1..*", paramLabel = "URL|FILE", description = "http(s) URLs or saved pages (.gz allowed)")
    List<String> inputs;

    @Spec
    CommandSpec spec;

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Override
    public Integer call() {
        Settings settings = Settings.load(IngestConfig.SERVICE);
        if (bootstrapServers != null) settings = settings.with("kafka.bootstrap-servers", bootstrapServers);
        IngestConfig config = IngestConfig.from(settings);
        KafkaTopics.ensure(config.kafkaClientProps(), Topics.all(), config.replicationFactor());
        Fetcher fetcher = new Fetcher(config.fetch());
        boolean failed = false;
        try (ArticlePublisher publisher = new ArticlePublisher(config.kafkaClientProps())) {
            for (String input : inputs) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("url", input);
                try {
                    RawArticle article = read(input, fetcher);
                    publisher.publish(article).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    line.put("url", article.url());
                    line.put("id", article.id());
                    line.put("status", "published");
                } catch (Exception e) {
                    if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                    line.put("status", "failed");
                    line.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
                    failed = true;
                }
                JsonLines.write(spec.commandLine().getOut(), line);
            }
        }
        return failed ? 1 : 0;
    }

    private RawArticle read(String input, Fetcher fetcher) throws Exception {
        Document page;
        String url;
        if (input.matches("(?i)^https?://.*")) {
            FetchedPage fetched = fetcher.fetchPage(input, true);
            page = fetched.document();
            url = fetched.finalUrl();
        } else {
            page = SavedPages.read(Path.of(input), null);
            url = null;
        }
        ExtractedArticle extracted = extractor.extract(page);
        if (extracted.hasNoText()) throw new IllegalArgumentException("no article text found in " + input);
        if (url == null) url = extracted.canonicalUrl() != null ? extracted.canonicalUrl() : Path.of(input).toUri().toString();
        return RawArticles.of(extracted, url, sourceName(url), null, Instant.now());
    }

    private String sourceName(String url) {
        if (source != null) return source;
        String host = URI.create(url).getHost();
        return host == null ? "file" : host;
    }
}
