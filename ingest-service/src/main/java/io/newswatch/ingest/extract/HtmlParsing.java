package io.newswatch.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.helper.ValidationException;
import org.jsoup.nodes.Document;

/**
 * Parses HTML with Jsoup, working around a Jsoup 1.24.1 bug: a page nesting deeper than the
 * parser's depth limit (512) inside a {@code <template>} fails with "Bug: no template insertion
 * mode on stack!". Such a page is parsed again with its template tags renamed to
 * {@code <x-template>}, which the extractor drops like templates (found by ExtractorFuzzTest).
 */
public final class HtmlParsing {
    /** The element name template tags are renamed to on the second attempt. */
    static final String RENAMED_TEMPLATE = "x-template";
    private static final Pattern TEMPLATE_TAG = Pattern.compile("(?i)<(/?)template");

    private HtmlParsing() {}

    /** Parses {@code html}; {@code baseUri} resolves relative links. */
    public static Document parse(String html, String baseUri) {
        try {
            return Jsoup.parse(html, baseUri);
        } catch (ValidationException e) {
            return Jsoup.parse(withoutTemplates(html), baseUri);
        }
    }

    /** Parses the page in {@code bytes}, charset from the page ({@code charset} null) or given. */
    public static Document parse(byte[] bytes, String charset, String baseUri) throws IOException {
        try {
            return Jsoup.parse(new ByteArrayInputStream(bytes), charset, baseUri);
        } catch (ValidationException e) {
            // byte-level rename through ISO-8859-1 keeps every other byte as it was (ASCII-compatible charsets)
            byte[] renamed = withoutTemplates(new String(bytes, StandardCharsets.ISO_8859_1))
                    .getBytes(StandardCharsets.ISO_8859_1);
            return Jsoup.parse(new ByteArrayInputStream(renamed), charset, baseUri);
        }
    }

    private static String withoutTemplates(String html) {
        return TEMPLATE_TAG.matcher(html).replaceAll("<$1" + RENAMED_TEMPLATE);
    }
}
