package io.newswatch.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One article of the bundled sample site, read from {@code /sample-site/articles/SLUG.txt}: a header of
 * {@code key: value} lines, {@code ---}, then paragraphs separated by blank lines. A paragraph starting with
 * {@code [see-also]} is rendered as a "SEE ALSO" box, which is page chrome, not article text.
 *
 * @param slug       file name without extension, the page's path
 * @param title      headline
 * @param published  publication time
 * @param author     byline
 * @param section    site section
 * @param caption    lead photo caption
 * @param image      lead photo path
 * @param paragraphs body paragraphs, "SEE ALSO" boxes included
 */
record SampleArticle(String slug, String title, Instant published, String author, String section,
                     String caption, String image, List<String> paragraphs) {
    static final String SEE_ALSO = "[see-also] ";
    private static final String ROOT = "/sample-site/articles/";

    /** Every sample article, in the order of {@code index.txt}. */
    static List<SampleArticle> loadAll() {
        List<SampleArticle> articles = new ArrayList<>();
        for (String slug : resource("index.txt").split("\n")) {
            if (!slug.isBlank()) articles.add(parse(slug.trim(), resource(slug.trim() + ".txt")));
        }
        return List.copyOf(articles);
    }

    /** The body as the extractor should return it: paragraphs, without the "SEE ALSO" boxes. */
    List<String> bodyParagraphs() {
        return paragraphs.stream().filter(p -> !p.startsWith(SEE_ALSO)).toList();
    }

    static SampleArticle parse(String slug, String file) {
        int split = file.indexOf("\n---\n");
        if (split < 0) throw new IllegalArgumentException("sample article " + slug + " has no '---' line");
        Map<String, String> header = new LinkedHashMap<>();
        for (String line : file.substring(0, split).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) header.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        List<String> paragraphs = List.of(file.substring(split + 5).trim().split("\n\\s*\n"));
        return new SampleArticle(slug, header.get("title"), Instant.parse(header.get("published")),
                header.get("author"), header.get("section"), header.get("caption"), header.get("image"),
                paragraphs.stream().map(String::trim).toList());
    }

    private static String resource(String name) {
        try (InputStream in = SampleArticle.class.getResourceAsStream(ROOT + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + ROOT + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
