package io.newswatch.enrich.ner;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tidies what the tagger found and rejects what cannot be a name: pronouns, words without a
 * capital letter, all-capital section labels ("WATCH", "SEE ALSO"), single letters, and words
 * without Latin letters (the English model tags quoted Cyrillic words at random). Spans are
 * trimmed of quotes and a trailing possessive, and cut at brackets the tagger ran over
 * ("[Armenian Prime Minister Nikol] Pashinian" gives "Pashinian").
 */
final class NameFilter {
    static final Set<String> PRONOUNS = Set.of("i", "me", "my", "mine", "myself", "we", "us", "our", "ours",
            "ourselves", "you", "your", "yours", "yourself", "he", "him", "his", "himself", "she", "her", "hers",
            "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "this", "that",
            "these", "those", "who", "whom", "whose", "one", "someone", "everyone", "anyone", "nobody");
    /** An all-capital single word longer than this is a label or a shouted dateline, not a name or acronym. */
    static final int MAX_ACRONYM = 6;
    private static final Pattern BRACKETS = Pattern.compile("[\\[\\](){}]");
    private static final Pattern POSSESSIVE = Pattern.compile("['\u2019]s$");

    private NameFilter() {}

    /** The tidied name, or empty when what was found is not a plausible name. */
    static Optional<FoundName> tidy(String text, FoundName found) {
        return tidy(text, found, false);
    }

    /**
     * As {@link #tidy(String, FoundName)}; on a line in capitals ({@code capsLine}) capitals are not a
     * label's mark, so all-capital names are kept ("NEW YORK 1996-08-22").
     */
    static Optional<FoundName> tidy(String text, FoundName found, boolean capsLine) {
        FoundName name = trim(text, afterBrackets(text, found));
        if (name == null) return Optional.empty();
        return plausible(name.in(text), capsLine) ? Optional.of(name) : Optional.empty();
    }

    /** True when {@code name} can be a name of a person, organisation or place. */
    static boolean plausible(String name) {
        return plausible(name, false);
    }

    private static boolean plausible(String name, boolean capsLine) {
        String[] words = name.strip().split("\\s+");
        if (name.codePoints().filter(Character::isLetter).count() < 2 || !latin(name)) return false;
        if (words.length == 1 && PRONOUNS.contains(words[0].toLowerCase(Locale.ROOT))) return false;
        boolean anyCapital = false;
        for (String word : words) anyCapital |= !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
        return anyCapital && (capsLine || !label(name, words.length));
    }

    private static boolean latin(String name) {
        return name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }

    private static boolean label(String name, int words) {
        boolean allCaps = name.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
        return allCaps && (words > 1 || name.length() > MAX_ACRONYM);
    }

    /** The part after the last bracket inside the span (the rest was an editor's insertion). */
    private static FoundName afterBrackets(String text, FoundName found) {
        Matcher m = BRACKETS.matcher(text).region(found.start(), found.end());
        int start = found.start();
        while (m.find()) {
            if (m.end() < found.end()) start = m.end();
        }
        return start == found.start() ? found : new FoundName(found.type(), start, found.end());
    }

    /** A full stop the tokenizer kept on the name's last word is an abbreviation's ("Inc.", "Fla.", "U.S."). */
    private static boolean abbreviation(String text, int start, int end) {
        return end - start > 2 && text.charAt(end - 1) == '.' && Character.isLetter(text.charAt(end - 2));
    }

    /** Without surrounding non-letters and a trailing possessive; null when nothing is left. */
    private static FoundName trim(String text, FoundName name) {
        int start = name.start();
        int end = name.end();
        while (start < end && !Character.isLetterOrDigit(text.charAt(start))) start++;
        while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1)) && !abbreviation(text, start, end)) end--;
        Matcher possessive = POSSESSIVE.matcher(text).region(start, end);
        if (possessive.find()) end = possessive.start();
        while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1)) && !abbreviation(text, start, end)) end--;
        return end > start ? new FoundName(name.type(), start, end) : null;
    }
}
