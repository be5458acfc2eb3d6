package io.newswatch.enrich.entities;

/**
 * Unicode-aware word boundaries and the case folding used for matching. Folding maps one UTF-16
 * unit to one, so offsets in folded text are offsets in the original.
 */
final class Tokens {
    private static final char ZERO_WIDTH_NON_JOINER = '\u200C'; // inside Persian words
    private static final char ZERO_WIDTH_JOINER = '\u200D';

    private Tokens() {}

    /** Letters, digits and combining marks make words; everything else separates them. */
    static boolean isWordChar(int codePoint) {
        if (Character.isLetterOrDigit(codePoint)) return true;
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || codePoint == ZERO_WIDTH_NON_JOINER || codePoint == ZERO_WIDTH_JOINER;
    }

    /** True when a word starts at {@code i}. */
    static boolean startsWord(String text, int i) {
        return i < text.length() && isWordChar(text.codePointAt(i))
                && (i == 0 || !isWordChar(text.codePointBefore(i)));
    }

    /** True when a match ending (exclusively) at {@code end} does not stop in the middle of a word. */
    static boolean endsWord(String text, int end) {
        return end == text.length() || !isWordChar(text.codePointAt(end)) || !isWordChar(text.codePointBefore(end));
    }

    /** Folds case and typographic variants (’ → ', ё → е, non-breaking hyphen → -), one unit for one. */
    static char fold(char c) {
        switch (c) {
            case '\u2019', '\u2018', '\u02BC' -> { return '\''; }
            case '\u2010', '\u2011' -> { return '-'; }
            case '\u00A0' -> { return ' '; }
            case 'ё', 'Ё' -> { return 'е'; }
            default -> { return Character.toLowerCase(c); }
        }
    }

    /** The folded form of a whole alias, as stored in the trie. */
    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) chars[i] = fold(chars[i]);
        return new String(chars);
    }
}
