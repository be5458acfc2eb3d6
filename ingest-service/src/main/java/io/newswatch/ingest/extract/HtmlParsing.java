package io.newswatch.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.helper.ValidationException;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Parses HTML with Jsoup, working around two Jsoup 1.24.1 bugs at its depth limit (512), both found by
 * ExtractorFuzzTest: nesting that deep inside a {@code <template>} fails with "Bug: no template insertion
 * mode on stack!", so such a page is parsed again with its template tags renamed to {@code <x-template>},
 * which the extractor drops like templates; and open formatting elements ({@code <b>}) before nesting that
 * deep fail in their reconstruction ({@code IndexOutOfBoundsException}), so such a page is read with Jsoup's
 * XML parser, which builds the tree as written: the extractor still finds its text, never an exception.
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
            return htmlElseXml(withoutTemplates(html), baseUri);
        } catch (RuntimeException e) {
            return asXml(html, baseUri);
        }
    }

    /**
     * Parses the page in {@code bytes}, charset from the page ({@code charset} null) or given. A page
     * whose bytes hold non-ASCII text and are all valid UTF-8 is read as UTF-8 whatever its meta tag
     * declares, as trafilatura does: pages re-saved as UTF-8 keep their old {@code gb2312} or
     * {@code iso-8859-1} declaration, and multi-byte UTF-8 sequences almost never occur by chance in
     * text of a legacy charset.
     */
    public static Document parse(byte[] bytes, String charset, String baseUri) throws IOException {
        if (charset == null && isUtf8WithNonAscii(bytes)) charset = "UTF-8";
        try {
            return Jsoup.parse(new ByteArrayInputStream(bytes), charset, baseUri);
        } catch (ValidationException e) {
            // byte-level rename through ISO-8859-1 keeps every other byte as it was (ASCII-compatible charsets)
            byte[] renamed = withoutTemplates(new String(bytes, StandardCharsets.ISO_8859_1))
                    .getBytes(StandardCharsets.ISO_8859_1);
            try {
                return Jsoup.parse(new ByteArrayInputStream(renamed), charset, baseUri);
            } catch (RuntimeException again) {
                return asXml(decoded(renamed, charset), baseUri);
            }
        } catch (RuntimeException e) {
            return asXml(decoded(bytes, charset), baseUri);
        }
    }

    private static Document htmlElseXml(String html, String baseUri) {
        try {
            return Jsoup.parse(html, baseUri);
        } catch (RuntimeException e) {
            return asXml(html, baseUri);
        }
    }

    /** The page as Jsoup's XML parser reads it: elements as written, no HTML tree-building rules to trip over. */
    private static Document asXml(String html, String baseUri) {
        return Jsoup.parse(html, baseUri, Parser.xmlParser());
    }

    private static String decoded(byte[] bytes, String charset) {
        try {
            return new String(bytes, charset == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(charset));
        } catch (IllegalArgumentException e) { // an unknown or illegal charset name
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** True when {@code bytes} hold at least one non-ASCII character and decode as UTF-8 without error. */
    static boolean isUtf8WithNonAscii(byte[] bytes) {
        int first = 0;
        while (first < bytes.length && bytes[first] >= 0) first++;
        if (first == bytes.length) return false; // pure ASCII: every ASCII-compatible charset reads it alike
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes, first, bytes.length - first));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String withoutTemplates(String html) {
        return TEMPLATE_TAG.matcher(html).replaceAll("<$1" + RENAMED_TEMPLATE);
    }
}
