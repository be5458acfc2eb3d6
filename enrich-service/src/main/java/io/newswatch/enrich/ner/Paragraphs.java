package io.newswatch.enrich.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a text the name tagger should read: not the headline, and not other title-case
 * lines (related-article links, section headings), where every capitalised word looks like a
 * name to the tagger ("Putin Says" as a person). Tagging line by line also keeps a name from
 * running across paragraphs.
 */
final class Paragraphs {
    /** Words shorter than this (to, in, and, of) do not count when deciding whether a line is title case. */
    static final int MIN_CONTENT_WORD = 4;
    /** A line without final punctuation whose content words are capitalised at least this often is a heading. */
    static final double HEADING_CAPITALS = 0.8;
    private static final Pattern LINE = Pattern.compile("[^\\n]+");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'\u2019-]*");

    private Paragraphs() {}

    /** Spans {@code [start, end)} of the lines at or after {@code titleEnd} that are not headings. */
    static List<int[]> taggable(String text, int titleEnd) {
        List<int[]> spans = new ArrayList<>();
        Matcher line = LINE.matcher(text);
        while (line.find()) {
            if (line.start() < titleEnd || line.group().isBlank() || heading(line.group())) continue;
            spans.add(new int[] {line.start(), line.end()});
        }
        return spans;
    }

    /** True for a title-case line: at least three content words, most capitalised, no closing full stop. */
    static boolean heading(String line) {
        String stripped = line.strip();
        if (stripped.matches(".*[.!?:;\"\u201D]$")) return false;
        int content = 0;
        int capitalised = 0;
        Matcher word = WORD.matcher(stripped);
        while (word.find()) {
            if (word.group().length() < MIN_CONTENT_WORD) continue;
            content++;
            if (Character.isUpperCase(word.group().codePointAt(0))) capitalised++;
        }
        return content >= 3 && capitalised >= HEADING_CAPITALS * content;
    }
}
