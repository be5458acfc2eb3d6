package io.newswatch.enrich.sentiment;

/**
 * A word or punctuation mark of a sentence, lower-cased.
 *
 * @param text  the token, lower-cased (curly apostrophes made straight)
 * @param start first char in the sentence, inclusive
 * @param end   last char, exclusive
 */
record Token(String text, int start, int end) {

    /** Whether this token is a word (starts with a letter or digit), not punctuation. */
    boolean isWord() {
        return Character.isLetterOrDigit(text.codePointAt(0));
    }
}
