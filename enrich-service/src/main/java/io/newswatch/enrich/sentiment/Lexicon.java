package io.newswatch.enrich.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prior polarity of English words, from {@code lexicon-en.txt} (hand-written, editable). The
 * model is trained with the lexicon and stores it, so a model always scores with the lexicon it
 * learned to trust.
 *
 * @param scores word to score, -3 .. +3
 */
final class Lexicon {
    /** The classpath resource of the bundled lexicon. */
    static final String BUNDLED = "/sentiment/lexicon-en.txt";
    /** Endings tried on a word that is not in the lexicon as written: "ending:what replaces it". */
    private static final List<String> ENDINGS = List.of("ies:y", "ing:", "ing:e", "ed:", "ed:e", "es:", "s:", "ly:", "d:");

    private final Map<String, Integer> scores;
    /** Lexicon words and their inflected forms, so that scoring is one lookup. */
    private final Map<String, Integer> forms = new HashMap<>();

    /** A lexicon of these word scores. */
    Lexicon(Map<String, Integer> scores) {
        this.scores = Map.copyOf(scores);
        for (Map.Entry<String, Integer> entry : this.scores.entrySet()) addForms(entry.getKey(), entry.getValue());
        forms.putAll(this.scores);
    }

    /** Word to score, -3 .. +3, as written in the lexicon file. */
    Map<String, Integer> scores() {
        return scores;
    }

    /** The lexicon shipped with enrich-service. */
    static Lexicon bundled() {
        try (InputStream in = Lexicon.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException(BUNDLED + " is not on the classpath");
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
    }

    /** Reads {@code WORD <TAB> SCORE} lines; {@code #} starts a comment line. */
    static Lexicon read(BufferedReader in) throws IOException {
        Map<String, Integer> scores = new LinkedHashMap<>();
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] fields = line.strip().split("\\s+");
            try {
                scores.put(fields[0].toLowerCase(Locale.ROOT), Integer.parseInt(fields[1]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("lexicon line " + number + " must be WORD <TAB> SCORE: " + line, e);
            }
        }
        return new Lexicon(scores);
    }

    /** The score of a lower-cased word, also found through a common ending; 0 when unknown. */
    int score(String word) {
        return forms.getOrDefault(word, 0);
    }

    /** Adds the forms whose ending removal ({@link #ENDINGS}) gives {@code word}. */
    private void addForms(String word, int score) {
        for (String ending : ENDINGS) {
            int colon = ending.indexOf(':');
            String replaced = ending.substring(colon + 1);
            if (!word.endsWith(replaced)) continue;
            String form = word.substring(0, word.length() - replaced.length()) + ending.substring(0, colon);
            if (form.length() > colon + 2) forms.putIfAbsent(form, score);
        }
    }
}
