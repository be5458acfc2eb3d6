package io.newswatch.enrich.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.events.EventJson;
import io.newswatch.events.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The articles a benchmark runs over, from one of three shapes:
 * <ul>
 *   <li>a folder: every {@code *.txt} file, first line as the headline;</li>
 *   <li>a {@code .jsonl} file: one article per line with {@code text} and optionally {@code url},
 *       {@code title}, {@code language} — RawArticle JSON ({@code news.raw}) and the output of
 *       {@code ingest-service.jar extract} both have them; lines with an {@code error} or no text
 *       are skipped;</li>
 *   <li>any other file: the article-extraction ground truth, {@code {id: {url, articleBody}}}.</li>
 * </ul>
 */
final class BenchCorpus {
    private static final Instant SEEN = Instant.parse("2026-11-26T00:00:00Z");
    private static final int TITLE_CHARS = 120;

    private BenchCorpus() {}

    static List<RawArticle> read(Path path) throws IOException {
        if (Files.isDirectory(path)) return textFiles(path);
        if (path.getFileName().toString().endsWith(".jsonl")) return jsonLines(path);
        return BenchRulesCommand.readCorpus(path);
    }

    private static List<RawArticle> textFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted()
                    .map(BenchCorpus::textFile).filter(a -> !a.text().isBlank()).toList();
        }
    }

    private static RawArticle textFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            String first = text.lines().findFirst().orElse("");
            String title = first.substring(0, Math.min(TITLE_CHARS, first.length()));
            return article(file.toUri().toString(), title, null, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<RawArticle> jsonLines(Path file) throws IOException {
        List<RawArticle> articles = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            JsonNode line = EventJson.mapper().readTree(lines.get(i));
            String text = line.path("text").asText("");
            if (line.hasNonNull("error") || text.isBlank()) continue;
            String url = line.hasNonNull("url") ? line.get("url").asText()
                    : "bench:" + file.getFileName() + "#" + (i + 1);
            articles.add(article(url, line.path("title").asText(""), line.path("language").asText(null), text));
        }
        return articles;
    }

    private static RawArticle article(String url, String title, String language, String text) {
        return RawArticle.of(url, url, source(url), title, List.of(), null, null, SEEN, language, text);
    }

    private static String source(String url) {
        try {
            String host = URI.create(url.replace(" ", "%20")).getHost();
            return host == null ? "bench" : host.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return "bench";
        }
    }
}
