package io.newswatch.enrich.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into sentences: at line breaks, and after . ! ? before a capital, digit or quote. */
final class Sentences {
    private static final Pattern END = Pattern.compile("[.!?…]+[\"'”’)\\]]*(?=\\s+[\"“'‘(\\[]?[\\p{Lu}\\p{N}])|\\n");
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen",
            "rep", "gov", "lt", "col", "sgt", "capt", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "no", "vs",
            "u.s", "u.k", "u.n", "e.u", "jr", "sr", "inc", "corp", "co", "ltd", "pres", "rev", "hon", "amb");

    /**
     * A sentence of a text.
     *
     * @param start first char in the text, inclusive
     * @param end   last char, exclusive
     */
    record Span(int start, int end) {
        boolean contains(int from, int to) {
            return from >= start && to <= end;
        }
    }

    private Sentences() {}

    /** The non-blank sentences of {@code text}, trimmed, in order. */
    static List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher m = END.matcher(text);
        int start = 0;
        while (m.find()) {
            if (m.group().equals("\n") || !abbreviation(text, m.start())) {
                add(text, start, m.group().equals("\n") ? m.start() : m.end(), spans);
                start = m.end();
            }
        }
        add(text, start, text.length(), spans);
        return spans;
    }

    private static boolean abbreviation(String text, int dot) {
        int from = dot;
        while (from > 0 && (Character.isLetter(text.charAt(from - 1)) || text.charAt(from - 1) == '.')) from--;
        String word = text.substring(from, dot).toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isUpperCase(text.charAt(from)));
    }

    private static void add(String text, int start, int end, List<Span> spans) {
        while (start < end && Character.isWhitespace(text.charAt(start))) start++;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        if (end > start) spans.add(new Span(start, end));
    }
}
