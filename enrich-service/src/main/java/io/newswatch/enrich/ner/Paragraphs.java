package io.newswatch.enrich.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a text as the name tagger reads them, each marked capitalised or not. A line is
 * capitalised when it is the headline, all in capitals (Reuters' headlines, datelines, results
 * tables) or in title case (related-article links, section headings): there every word looks like
 * a name to the tagger ("Putin Says" as a person), so such lines are recased first ({@link Recaser})
 * and their names need evidence ({@link NameRecognizer}). Tagging line by line also keeps a name
 * from running across paragraphs.
 */
final class Paragraphs {
    /** Words shorter than this (to, in, and, of) do not count when deciding whether a line is title case. */
    static final int MIN_CONTENT_WORD = 4;
    /** A line without final punctuation whose content words are capitalised at least this often is a heading. */
    static final double HEADING_CAPITALS = 0.8;
    /** A line whose cased letters are upper case at least this often is in capitals. */
    static final double CAPS_LETTERS = 0.8;
    /** The longest piece of a line the tagger reads at once. */
    static final int MAX_LINE = 2_000;
    private static final Pattern LINE = Pattern.compile("[^\\n]+");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'\u2019-]*");

    private Paragraphs() {}

    /** A line {@code [start, end)} of the text. */
    record Line(int start, int end, boolean capitalised, boolean caps, boolean headline) {}

    /** The non-blank lines of {@code text}; those before {@code titleEnd} are the headline. */
    static List<Line> lines(String text, int titleEnd) {
        List<Line> lines = new ArrayList<>();
        Matcher line = LINE.matcher(text);
        while (line.find()) {
            if (line.group().isBlank()) continue;
            boolean caps = capitals(line.group());
            boolean headline = line.start() < titleEnd;
            boolean capitalised = caps || headline || heading(line.group());
            for (int start = line.start(); start < line.end(); ) {
                int end = pieceEnd(text, start, line.end());
                lines.add(new Line(start, end, capitalised, caps, headline));
                start = end;
            }
        }
        return lines;
    }

    /**
     * A line longer than {@value #MAX_LINE} chars is read in pieces cut at a space: the tagger's cost
     * grows faster than the length of what it reads at once, and no sentence is that long.
     */
    private static int pieceEnd(String text, int start, int lineEnd) {
        if (lineEnd - start <= MAX_LINE) return lineEnd;
        int space = text.lastIndexOf(' ', start + MAX_LINE);
        return space > start + MAX_LINE / 2 ? space + 1 : start + MAX_LINE;
    }

    /** True when most of the line's cased letters (at least three) are capitals: "MOSCOW 1996-08-22". */
    static boolean capitals(String line) {
        int upper = 0;
        int cased = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isUpperCase(c)) upper++;
            if (Character.isUpperCase(c) || Character.isLowerCase(c)) cased++;
        }
        return cased >= 3 && upper >= CAPS_LETTERS * cased;
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
