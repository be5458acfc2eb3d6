package io.newswatch.enrich.sentiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Features of "the sentiment of a sentence toward a span of it": the sentence's words and
 * n-grams (with negation marked), the words left and right of the target (separately, weighted
 * by distance), lexicon polarity overall and near the target, and where the target stands
 * (sentence subject, speaker of a quote, agent after "by", inside quotation marks), and the
 * words on the path from the target to its nearest lexicon word on each side.
 *
 * <p>The target's own words are replaced by one placeholder so that the model learns how
 * sentences talk about someone, not who is usually talked about in the training data.
 */
final class TargetFeatures {
    static final String TARGET = "<t>";
    private static final Set<String> NEGATORS = Set.of("not", "n't", "no", "never", "without", "nor", "neither",
            "nobody", "nothing", "none", "hardly", "barely", "cannot", "lack", "lacks", "lacked", "failed", "fails");
    private static final Set<String> SCOPE_ENDS = Set.of(".", ",", ";", ":", "!", "?", "but", "however", "although",
            "\"", "“", "”", "(", ")");
    private static final Set<String> SAY = Set.of("said", "says", "say", "told", "tells", "added", "wrote", "writes",
            "argued", "argues", "insisted", "claimed", "claims", "stated", "declared", "tweeted", "noted", "explained");
    private static final Set<String> QUOTES = Set.of("\"", "“", "”", "'");
    private static final int NEGATION_SCOPE = 6;
    /** How far from the target {@link #lexiconPathFeatures} looks for a lexicon word. */
    private static final int PATH_LENGTH = 12;

    private final FeatureOptions options;
    private final Lexicon lexicon;

    TargetFeatures(FeatureOptions options, Lexicon lexicon) {
        this.options = options;
        this.lexicon = lexicon;
    }

    /** Features toward {@code sentence[start, end)}; {@code start < 0} means no target (the sentence's tone). */
    SparseVector extract(String sentence, int start, int end) {
        List<String> words = new ArrayList<>();
        int target = collapse(Tokenizer.tokens(sentence), start, end, words);
        boolean[] negated = negationScope(words);
        Map<String, Float> features = new HashMap<>();
        features.put("bias", 1f);
        sentenceFeatures(words, negated, features);
        lexiconFeatures(words, negated, target, features);
        if (target >= 0) contextFeatures(words, negated, target, features);
        if (target >= 0 && options.lexiconPaths()) lexiconPathFeatures(words, negated, target, features);
        return hash(features);
    }

    /** Adds the tokens to {@code words} with the target's tokens as one placeholder; returns its index or -1. */
    private static int collapse(List<Token> tokens, int start, int end, List<String> words) {
        int target = -1;
        for (Token token : tokens) {
            boolean inTarget = start >= 0 && token.end() > start && token.start() < end;
            if (!inTarget) {
                words.add(token.text());
            } else if (target < 0) {
                target = words.size();
                words.add(TARGET);
            }
        }
        return target;
    }

    /** Which words follow a negator within its scope (up to the next punctuation or contrast). */
    private static boolean[] negationScope(List<String> words) {
        boolean[] negated = new boolean[words.size()];
        int remaining = 0;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (SCOPE_ENDS.contains(word)) remaining = 0;
            else if (remaining > 0) negated[i] = true;
            if (remaining > 0) remaining--;
            if (NEGATORS.contains(word)) remaining = NEGATION_SCOPE;
        }
        return negated;
    }

    private void sentenceFeatures(List<String> words, boolean[] negated, Map<String, Float> features) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            features.put("u:" + (negated[i] ? "!" : "") + word, 1f);
            if (i + 1 < words.size()) features.put("b:" + word + ' ' + words.get(i + 1), 1f);
            if (options.trigrams() && i + 2 < words.size()) {
                features.put("t:" + word + ' ' + words.get(i + 1) + ' ' + words.get(i + 2), 1f);
            }
        }
    }

    private void lexiconFeatures(List<String> words, boolean[] negated, int target, Map<String, Float> features) {
        float positive = 0;
        float negative = 0;
        for (int i = 0; i < words.size(); i++) {
            int score = lexicon.score(words.get(i)) * (negated[i] ? -1 : 1);
            if (score == 0) continue;
            float near = target < 0 ? 0 : nearness(Math.abs(i - target));
            String polarity = score > 0 ? "pos" : "neg";
            add(features, "lex:" + polarity, Math.abs(score) / 3f);
            if (near > 0) {
                String side = i < target ? ":l" : ":r";
                add(features, "lexnear:" + polarity + side, near * Math.abs(score) / 3f);
                add(features, "lexrole:" + polarity + side + ':' + role(words, target), Math.abs(score) / 3f);
            }
            if (score > 0) positive += score;
            else negative -= score;
        }
        features.put("lex:balance", (positive - negative) / (positive + negative + 1f));
    }

    /**
     * The nearest lexicon word on each side of the target (within {@value #PATH_LENGTH} tokens):
     * its polarity and distance, the word itself, and the words between it and the target, so the
     * model can learn which paths carry a word's polarity to the target ("X accused" vs "accused X",
     * "praised by X").
     */
    private void lexiconPathFeatures(List<String> words, boolean[] negated, int target, Map<String, Float> features) {
        for (int step = -1; step <= 1; step += 2) {
            String side = step < 0 ? "l" : "r";
            for (int i = target + step, d = 1; i >= 0 && i < words.size() && d <= PATH_LENGTH; i += step, d++) {
                int score = lexicon.score(words.get(i)) * (negated[i] ? -1 : 1);
                if (score == 0) continue;
                String path = side + ':' + (score > 0 ? "pos" : "neg") + ':';
                features.put("pd:" + path + Math.min(d, 6), 1f);
                features.put("pw:" + path + words.get(i), 1f);
                for (int j = target + step; j != i; j += step) features.put("pb:" + path + words.get(j), 1f);
                break;
            }
        }
    }

    private void contextFeatures(List<String> words, boolean[] negated, int target, Map<String, Float> features) {
        int window = options.window();
        for (int d = 1; d <= window; d++) {
            side(words, negated, target - d, "l", d, features);
            side(words, negated, target + d, "r", d, features);
        }
        for (int i = 0; i < words.size(); i++) {
            if (i != target && Character.isLetter(words.get(i).codePointAt(0))) {
                features.put((i < target ? "L:" : "R:") + words.get(i), 0.5f);
            }
        }
        if (target >= 2) features.put("lb:" + words.get(target - 2) + ' ' + words.get(target - 1), 1f);
        if (target + 2 < words.size()) features.put("rb:" + words.get(target + 1) + ' ' + words.get(target + 2), 1f);
        positionFeatures(words, target, features);
    }

    private void side(List<String> words, boolean[] negated, int i, String side, int d, Map<String, Float> features) {
        if (i < 0 || i >= words.size()) return;
        String word = (negated[i] ? "!" : "") + words.get(i);
        float near = nearness(d);
        add(features, side + ":" + word, near);
        add(features, "c:" + word, near);
        if (d <= 2) features.put(side + d + ":" + word, 1f);
        if (options.charGrams() && Character.isLetter(word.codePointAt(word.length() - 1))) charGrams(word, near, features);
    }

    private static void charGrams(String word, float weight, Map<String, Float> features) {
        String padded = '<' + word + '>';
        for (int n = 3; n <= 5; n++) {
            for (int i = 0; i + n <= padded.length(); i++) add(features, "g:" + padded.substring(i, i + n), weight / 3);
        }
    }

    private static void positionFeatures(List<String> words, int target, Map<String, Float> features) {
        if (target == 0 || (target == 1 && QUOTES.contains(words.get(0)))) features.put("p:first", 1f);
        if (target == words.size() - 2 || target == words.size() - 1) features.put("p:last", 1f);
        for (int i = target + 1; i <= Math.min(target + 3, words.size() - 1); i++) {
            if (SAY.contains(words.get(i))) features.put("p:speaker", 1f);
        }
        if (target > 0 && SAY.contains(words.get(target - 1))) features.put("p:speaker", 1f);
        if (target > 0 && words.get(target - 1).equals("by")) features.put("p:agent", 1f);
        long quotesBefore = words.subList(0, target).stream().filter(QUOTES::contains).count();
        if (quotesBefore % 2 == 1) features.put("p:quoted", 1f);
        features.put("p:relative", (float) target / words.size());
    }

    /** What the target is in its sentence: the speaker of a statement, its subject, or something else. */
    private static String role(List<String> words, int target) {
        for (int i = Math.max(0, target - 1); i <= Math.min(target + 3, words.size() - 1); i++) {
            if (i != target && SAY.contains(words.get(i))) return "speaker";
        }
        return target <= 1 ? "subject" : "other";
    }

    private static float nearness(int distance) {
        return 1f / (1f + 0.25f * (distance - 1));
    }

    private static void add(Map<String, Float> features, String name, float value) {
        features.merge(name, value, Float::sum);
    }

    /** Hashes names into the model's buckets (colliding values add up) and scales the vector to unit length. */
    private SparseVector hash(Map<String, Float> features) {
        long[] packed = new long[features.size()];
        int n = 0;
        for (Map.Entry<String, Float> feature : features.entrySet()) {
            packed[n++] = ((long) bucket(feature.getKey()) << 32) | (Float.floatToRawIntBits(feature.getValue()) & 0xFFFFFFFFL);
        }
        Arrays.sort(packed);
        int[] indices = new int[n];
        float[] values = new float[n];
        int size = 0;
        for (long p : packed) {
            int index = (int) (p >>> 32);
            float value = Float.intBitsToFloat((int) p);
            if (size > 0 && indices[size - 1] == index) values[size - 1] += value;
            else { indices[size] = index; values[size++] = value; }
        }
        double norm = 0;
        for (int i = 0; i < size; i++) norm += values[i] * values[i];
        float scale = (float) (1 / Math.sqrt(Math.max(norm, 1e-12)));
        for (int i = 0; i < size; i++) values[i] *= scale;
        return new SparseVector(Arrays.copyOf(indices, size), Arrays.copyOf(values, size));
    }

    /** FNV-1a over the UTF-16 units, mixed; stable across JVMs and Java versions. */
    private int bucket(String name) {
        int h = 0x811C9DC5;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x01000193;
        }
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        h ^= h >>> 12;
        return h & (options.dimension() - 1);
    }
}
