package io.newswatch.enrich.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags a text with the taxonomy's topics whose rules match it often enough: at
 * least {@value #MIN_MATCHES} words (or phrases starting) at different places, or one in a text
 * under {@value #SHORT_TEXT_WORDS} words.
 * Immutable and thread-safe.
 */
public final class TopicTagger {
    static final int MIN_MATCHES = 2;
    static final int SHORT_TEXT_WORDS = 150;
    /** Words: letters, marks and digits, with inner hyphens and apostrophes ("trans-caspian"); rules may end in *. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:[-'’][\\p{L}\\p{M}\\p{N}]+)*\\*?");

    private final Taxonomy taxonomy;
    private final Map<String, List<Phrase>> byKey = new HashMap<>();

    public TopicTagger(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        for (Phrase phrase : taxonomy.phrases()) byKey.computeIfAbsent(phrase.key(), k -> new ArrayList<>()).add(phrase);
    }

    /** The slugs of the topics of {@code text}, in taxonomy order. */
    public List<String> tag(String text) {
        List<String> tokens = words(text.toLowerCase(Locale.ROOT).replace('*', ' '));
        Map<String, Integer> matches = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            Set<String> here = new HashSet<>(); // overlapping rules ("delimitation", "delimit*") count once
            for (Phrase phrase : byKey.getOrDefault(Phrase.key(tokens.get(i)), List.of())) {
                if (phrase.matchesAt(tokens, i)) here.add(phrase.topic());
            }
            here.forEach(topic -> matches.merge(topic, 1, Integer::sum));
        }
        int needed = tokens.size() < SHORT_TEXT_WORDS ? 1 : MIN_MATCHES;
        List<String> topics = new ArrayList<>();
        for (String slug : taxonomy.labels().keySet()) {
            if (matches.getOrDefault(slug, 0) >= needed) topics.add(slug);
        }
        return topics;
    }

    /** The words of a lower-cased text (phrases of the taxonomy are split the same way, keeping {@code *}). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) words.add(m.group().replace('’', '\''));
        return words;
    }

    /** The taxonomy's slugs and labels, in file order. */
    public Map<String, String> topics() {
        return new LinkedHashMap<>(taxonomy.labels());
    }
}
