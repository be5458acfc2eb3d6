package io.newswatch.ingest.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/** What every extracted body text must satisfy, whatever the page. */
final class Invariants {
    /** Marks text planted inside script and style elements by the generators. */
    static final Pattern MARKER = Pattern.compile("FUZZ(?:SCRIPT|STYLE)\\d+");

    private Invariants() {}

    /**
     * One paragraph per line, each without leading or trailing whitespace and not blank, and no
     * planted script/style marker unless the page also holds that marker as ordinary text.
     */
    static void assertCleanText(String text, String html) {
        if (text.isEmpty()) return;
        for (String line : text.split("\n", -1)) {
            assertFalse(line.isEmpty() || isSpace(line.charAt(0)) || isSpace(line.charAt(line.length() - 1)),
                    () -> "line with surrounding whitespace or empty: '" + escape(line) + "'");
        }
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            if (!inOrdinaryText(html, m.group())) fail("script/style content leaked into the text: " + m.group());
        }
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** True when Jsoup reads {@code marker} as a text node (not script or style data) somewhere in the page. */
    private static boolean inOrdinaryText(String html, String marker) {
        Document doc = Jsoup.parse(html);
        boolean[] found = {false};
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t && t.getWholeText().contains(marker)) found[0] = true;
        }, doc);
        return found[0] || doc.title().contains(marker);
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(200).forEach(c -> sb.append(c < 32 || c > 126 ? String.format("\\u%04x", c) : (char) c));
        return sb.toString();
    }
}
