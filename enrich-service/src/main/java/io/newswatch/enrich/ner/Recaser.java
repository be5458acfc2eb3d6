package io.newswatch.enrich.ner;

import io.newswatch.enrich.ner.Paragraphs.Line;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restores the case of the headline and of lines in capitals before tagging, so the tagger reads "SHEARER NAMED AS
 * ENGLAND CAPTAIN" as "Shearer named as England captain" and "Putin Says" as "Putin says". A word
 * of such a line takes, in order:
 * <ol>
 *   <li>the form the same document writes it in on its ordinary lines, not first in a sentence
 *       (the body's "Rotor", "says", "NATO");</li>
 *   <li>lower case when the tagger's model saw it in lower case in its training news
 *       ({@link NameTagger#commonWord});</li>
 *   <li>else, an all-capital word becomes capitalised ("BLENKIRON" → "Blenkiron"), a capitalised
 *       one stays.</li>
 * </ol>
 * The recased text has the same length as the original, so offsets carry over unchanged.
 * CoreNLP's statistical truecaser does the same job a little better on headlines but needs 630 MB of
 * heap and 20 s to load; this needs nothing beyond the tagger.
 */
final class Recaser {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** After these a capital only says a sentence starts. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:\"\u201C\u201D(\\[-]\\s*$");

    private static final Pattern ROW = Pattern.compile("\\s*(\\p{L}+(?:[ .]+\\p{L}+)*)\\.?\\s+\\d");

    private Recaser() {}

    /** {@code text} with its headline and all-caps lines recased; other lines as they are. */
    static String recase(String text, List<Line> lines, Predicate<String> commonWord) {
        if (lines.stream().noneMatch(Line::capitalised)) return text;
        Map<String, String> bodyForms = bodyForms(text, lines);
        char[] cased = text.toCharArray();
        for (Line line : lines) {
            // title-case lines in the body are mostly rosters ("Mark Waugh , Stuart Law"): common words there are names
            if (!line.caps() && !line.headline()) continue;
            int rowName = line.caps() ? rowNameEnd(text, line) : -1;
            Matcher word = WORD.matcher(text).region(line.start(), line.end());
            while (word.find()) {
                String recased = word.end() <= rowName ? capitalised(word.group())
                        : recaseWord(word.group(), bodyForms, commonWord);
                if (recased.length() == word.group().length()) recased.getChars(0, recased.length(), cased, word.start());
            }
        }
        return new String(cased);
    }

    private static String recaseWord(String word, Map<String, String> bodyForms, Predicate<String> commonWord) {
        String lower = word.toLowerCase(Locale.ROOT);
        String body = bodyForms.get(lower);
        if (body != null) return body;
        if (commonWord.test(lower)) return lower;
        boolean caps = word.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
        return caps ? capitalised(word) : word;
    }

    private static String capitalised(String word) {
        return word.length() > 1 ? word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT) : word;
    }

    /**
     * Where the name that opens a row of figures ends: "NEW YORK 74 59 .556", "ST LOUIS 69 65",
     * "MOSCOW 1996-08-22" (a dateline) are names word for word, common words included; -1 when the
     * line does not open with words followed by a number.
     */
    private static int rowNameEnd(String text, Line line) {
        Matcher row = ROW.matcher(text).region(line.start(), line.end());
        return row.lookingAt() ? row.end(1) : -1;
    }

    /** Each word's most frequent form on the ordinary lines, leaving out words that start a sentence. */
    private static Map<String, String> bodyForms(String text, List<Line> lines) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Line line : lines) {
            if (line.capitalised()) continue;
            Matcher word = WORD.matcher(text).region(line.start(), line.end());
            while (word.find()) {
                boolean starts = word.start() == line.start()
                        || SENTENCE_END.matcher(text.substring(Math.max(line.start(), word.start() - 3), word.start())).find();
                if (starts) continue;
                counts.computeIfAbsent(word.group().toLowerCase(Locale.ROOT), k -> new HashMap<>())
                        .merge(word.group(), 1, Integer::sum);
            }
        }
        Map<String, String> forms = new HashMap<>();
        counts.forEach((lower, byForm) -> forms.put(lower,
                byForm.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
        return forms;
    }
}
