package io.newswatch.enrich.sentiment;

/**
 * How {@link TargetFeatures} turns a sentence and a target into features; stored with the model
 * so that classification uses what training used.
 *
 * @param dimensionBits features are hashed into {@code 2^dimensionBits} buckets
 * @param window        how many tokens left and right of the target count as its context
 * @param charGrams     whether to add character 3- to 5-grams of the context words
 * @param trigrams      whether to add word trigrams of the whole sentence
 * @param lexiconPaths  whether to add the nearest lexicon word on each side of the target and the
 *                      words between them
 */
public record FeatureOptions(int dimensionBits, int window, boolean charGrams, boolean trigrams,
                             boolean lexiconPaths) {

    /** The options the bundled model is trained with (chosen by cross-validation on train.jsonl). */
    public static final FeatureOptions DEFAULT = new FeatureOptions(18, 10, true, true, true);

    public FeatureOptions {
        if (dimensionBits < 10 || dimensionBits > 24) throw new IllegalArgumentException("dimensionBits must be 10..24");
        if (window < 1) throw new IllegalArgumentException("window must be at least 1");
    }

    int dimension() {
        return 1 << dimensionBits;
    }
}
