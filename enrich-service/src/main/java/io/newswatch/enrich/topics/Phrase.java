package io.newswatch.enrich.topics;

import java.util.List;

/**
 * One keyword or phrase rule: words matched in sequence, a word ending in {@code *} matching any
 * word it starts.
 *
 * @param topic    slug of the topic it signals
 * @param language the language it is written in (ISO 639-1), for people editing the file
 * @param words    lower-cased words, possibly ending in {@code *}
 */
public record Phrase(String topic, String language, List<String> words) {
    /** Stems shorter than this before a {@code *} would match far too much. */
    static final int MIN_STEM = 3;

    public Phrase {
        words = List.copyOf(words);
        if (words.isEmpty()) throw new IllegalArgumentException("a phrase of topic " + topic + " is empty");
        for (String word : words) {
            if (word.endsWith("*") && word.length() - 1 < MIN_STEM) {
                throw new IllegalArgumentException("\"" + word + "\" (topic " + topic + "): a stem needs at least "
                        + MIN_STEM + " letters before *");
            }
        }
    }

    /** Whether the phrase matches {@code tokens} starting at {@code at}. */
    public boolean matchesAt(List<String> tokens, int at) {
        if (at + words.size() > tokens.size()) return false;
        for (int i = 0; i < words.size(); i++) {
            if (!wordMatches(words.get(i), tokens.get(at + i))) return false;
        }
        return true;
    }

    /** The index key of the first word: its first {@link #MIN_STEM} letters (all of a shorter word). */
    String key() {
        return key(words.get(0).replace("*", ""));
    }

    static String key(String token) {
        return token.length() <= MIN_STEM ? token : token.substring(0, MIN_STEM);
    }

    private static boolean wordMatches(String word, String token) {
        return word.endsWith("*") ? token.startsWith(word.substring(0, word.length() - 1)) : token.equals(word);
    }
}
