package io.newswatch.localstack;

import io.newswatch.events.RawArticle;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.ExtractedArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Real-looking articles for the end-to-end benchmark: the text ingest-service's extractor takes out of the
 * benchmark pages ({@code ../shared/bench/article-extraction/html}), replayed with new URLs (so new ids). A
 * known fraction carries marker words that the benchmark's {@link #RULES} match.
 */
final class E2eCorpus {
    /** Rule name to query; the comments say which articles match. */
    static final Map<String, String> RULES = Map.of(
            "one in ten", "benchalpha",                          // seq % 10 == 0
            "both words, one in fifty", "benchbeta AND benchgamma", // seq % 50 == 25 (26 has one word only)
            "phrase, one in a hundred", "\"benchdelta report\"");   // seq % 100 == 7 (8 has the words reversed)

    private final List<ExtractedArticle> pages;
    private final double extractedPerSecond;

    private E2eCorpus(List<ExtractedArticle> pages, double extractedPerSecond) {
        this.pages = pages;
        this.extractedPerSecond = extractedPerSecond;
    }

    /** Extracts every {@code *.html.gz} page of {@code htmlDir} once. */
    static E2eCorpus load(Path htmlDir) {
        ArticleExtractor extractor = new ArticleExtractor();
        List<ExtractedArticle> pages = new ArrayList<>();
        long start = System.nanoTime();
        try (Stream<Path> files = Files.list(htmlDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html.gz")).sorted().toList()) {
                ExtractedArticle page = extractor.extract(gunzip(file), "https://bench.example/" + file.getFileName());
                if (!page.hasNoText()) pages.add(page);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark pages in " + htmlDir, e);
        }
        if (pages.isEmpty()) throw new IllegalStateException("no benchmark pages with text in " + htmlDir);
        return new E2eCorpus(List.copyOf(pages), pages.size() / ((System.nanoTime() - start) / 1e9));
    }

    /** {@code shared/bench/article-extraction/html} under the working directory or one of its parents. */
    static Path defaultPages() {
        Path dir = Path.of("").toAbsolutePath();
        for (; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/bench/article-extraction/html");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("shared/bench/article-extraction/html not found above "
                + Path.of("").toAbsolutePath() + ": pass --pages");
    }

    int pageCount() {
        return pages.size();
    }

    /** Pages per second the extractor managed while loading (one thread). */
    double extractedPerSecond() {
        return extractedPerSecond;
    }

    /** Article {@code seq} of a batch: page {@code seq % pages}, a URL of its own, its marker words. */
    RawArticle article(String batch, int seq) {
        ExtractedArticle page = pages.get(seq % pages.size());
        Instant now = Instant.now();
        return RawArticle.of("https://bench.example/" + batch + "/" + seq, null, batch, page.title(),
                page.authors(), page.publishedAt(), page.modifiedAt(), now, page.language(),
                page.text() + markers(seq));
    }

    private static String markers(int seq) {
        if (seq % 10 == 0) return "\nThe benchalpha committee met.";
        if (seq % 50 == 25) return "\nThe benchbeta and benchgamma committees met.";
        if (seq % 50 == 26) return "\nThe benchbeta committee met.";
        if (seq % 100 == 7) return "\nThe benchdelta report was published.";
        if (seq % 100 == 8) return "\nThe report on benchdelta was published.";
        return "";
    }

    /** Whether article {@code seq} matches one of the {@link #RULES} (each matches at most one). */
    static boolean alerted(int seq) {
        return seq % 10 == 0 || seq % 50 == 25 || seq % 100 == 7;
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
