package io.newswatch.enrich.entities;

/**
 * One way an entry is written in text.
 *
 * @param text          the alias as written in the knowledge base
 * @param caseSensitive true when the text must match exactly (short or ambiguous aliases such as
 *                      "EU", "UN", "Turkey"); otherwise case is ignored ("PASHINYAN" matches)
 */
public record Alias(String text, boolean caseSensitive) {
    /** In the data file, an alias written with this prefix is case-sensitive. */
    static final String CASE_SENSITIVE_MARK = "=";
    /** Aliases of at most this many characters are always case-sensitive. */
    static final int SHORT_ALIAS = 3;

    public Alias {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("Alias.text must not be blank");
    }

    /** The alias as written in the data file: a leading '=' marks it case-sensitive. */
    static Alias parse(String written) {
        String trimmed = written.strip();
        boolean marked = trimmed.startsWith(CASE_SENSITIVE_MARK);
        String text = marked ? trimmed.substring(1).strip() : trimmed;
        return new Alias(text, marked || isShort(text) || isAcronym(text));
    }

    static boolean isShort(String text) {
        return text.codePointCount(0, text.length()) <= SHORT_ALIAS;
    }

    /** All letters upper case, e.g. NATO, RFE/RL, ОДКБ, ԱՄՆ: as a lower-case word it means something else. */
    static boolean isAcronym(String text) {
        return text.codePoints().anyMatch(Character::isLetter)
                && text.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }
}
