package io.newswatch.enrich.sentiment;

import io.newswatch.events.Sentiment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Trains a {@link SentimentModel} on labelled targets, cross-validates, and scores a model. */
public final class SentimentTrainer {
    private static final int CLASSES = Sentiment.Label.values().length;

    private SentimentTrainer() {}

    /** A model fitted to {@code data} with the bundled lexicon, without the sentence encoder. */
    public static SentimentModel train(List<LabelledTarget> data, FeatureOptions features, TrainingOptions training) {
        return train(data, features, training, false);
    }

    /** A model fitted to {@code data} with the bundled lexicon; {@code encoder}: also read sentence vectors. */
    public static SentimentModel train(List<LabelledTarget> data, FeatureOptions features, TrainingOptions training,
                                       boolean encoder) {
        return train(data, features, training, encoder ? encodeSentences(data) : null);
    }

    /** {@code encoded}: each sentence's encoder vector, or null to train without the encoder. */
    private static SentimentModel train(List<LabelledTarget> data, FeatureOptions features, TrainingOptions training,
                                        Map<String, float[]> encoded) {
        Lexicon lexicon = Lexicon.bundled();
        TargetFeatures extractor = new TargetFeatures(features, lexicon);
        List<SparseVector> vectors = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (LabelledTarget target : data) {
            if (target.coreference() && !training.coreferences()) continue;
            vectors.add(input(extractor, features.dimension(), encoded, target.sentence(), target.start(),
                    target.end()));
            labels.add(target.label().ordinal());
        }
        if (training.toneExamples()) {
            addToneExamples(data, (sentence, start, end) -> input(extractor, features.dimension(), encoded, sentence,
                    start, end), vectors, labels);
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        int dimension = SentimentModel.dimension(features, encoded != null);
        LinearModel linear = new LogisticRegressionTrainer(training).fit(vectors, y, CLASSES, dimension);
        return SentimentModel.trained(features, lexicon, linear, encoded == null ? null : SentenceEncoder.NAME);
    }

    private static SparseVector input(TargetFeatures extractor, int offset, Map<String, float[]> encoded,
                                      String sentence, int start, int end) {
        SparseVector features = extractor.extract(sentence, start, end);
        if (encoded == null) return features;
        return SentenceEncoder.append(features, offset, encoded.get(sentence));
    }

    /** Every distinct sentence of {@code data} and its encoder vector (encoded once, reused by every fold). */
    private static Map<String, float[]> encodeSentences(List<LabelledTarget> data) {
        List<String> sentences = new ArrayList<>(groupBySentence(data).keySet());
        List<float[]> vectors = SentenceEncoder.shared().encodeAll(sentences);
        Map<String, float[]> encoded = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) encoded.put(sentences.get(i), vectors.get(i));
        return encoded;
    }

    /** The model input of a target (or, start -1, of a sentence's tone). */
    private interface Input {
        SparseVector of(String sentence, int start, int end);
    }

    /** Sentences whose targets all share a label teach the target-free tone with that label. */
    private static void addToneExamples(List<LabelledTarget> data, Input input, List<SparseVector> vectors,
                                        List<Integer> labels) {
        Map<String, List<LabelledTarget>> bySentence = groupBySentence(data);
        for (List<LabelledTarget> targets : bySentence.values()) {
            targets = targets.stream().filter(t -> !t.coreference()).toList();
            if (targets.isEmpty()) continue;
            Sentiment.Label label = targets.get(0).label();
            if (targets.stream().allMatch(t -> t.label() == label)) {
                vectors.add(input.of(targets.get(0).sentence(), -1, -1));
                labels.add(label.ordinal());
            }
        }
    }

    /** The scores of {@code folds}-fold cross-validation; a sentence's targets stay in one fold. */
    public static Scores crossValidate(List<LabelledTarget> data, int folds, FeatureOptions features,
                                       TrainingOptions training) {
        return crossValidate(data, folds, features, training, false);
    }

    /** As {@link #crossValidate(List, int, FeatureOptions, TrainingOptions)}; {@code encoder} as in {@link #train}. */
    public static Scores crossValidate(List<LabelledTarget> data, int folds, FeatureOptions features,
                                       TrainingOptions training, boolean encoder) {
        Map<String, float[]> encoded = encoder ? encodeSentences(data) : null;
        List<List<LabelledTarget>> sentences = new ArrayList<>(groupBySentence(data).values());
        Scores scores = new Scores();
        for (int fold = 0; fold < folds; fold++) {
            List<LabelledTarget> train = new ArrayList<>();
            List<LabelledTarget> test = new ArrayList<>();
            for (int i = 0; i < sentences.size(); i++) (i % folds == fold ? test : train).addAll(sentences.get(i));
            Map<String, float[]> known = encoded == null ? new HashMap<>() : encoded;
            evaluate(train(train, features, training, encoded), test, scores, known);
        }
        return scores;
    }

    /** The scores of {@code model} on {@code data}'s labelled (not coreference) targets. */
    public static Scores evaluate(SentimentModel model, List<LabelledTarget> data) {
        return evaluate(model, data, new Scores(), new HashMap<>());
    }

    /** {@code encoded}: sentence vectors known so far, added to (each sentence is encoded once). */
    private static Scores evaluate(SentimentModel model, List<LabelledTarget> data, Scores scores,
                                   Map<String, float[]> encoded) {
        for (LabelledTarget target : data) {
            if (target.coreference()) continue;
            float[] vector = encoded.computeIfAbsent(target.sentence(), model::encode);
            double[] p = model.probabilities(target.sentence(), target.start(), target.end(), vector);
            scores.add(target.label(), SentimentModel.sentiment(p).label());
        }
        return scores;
    }

    private static Map<String, List<LabelledTarget>> groupBySentence(List<LabelledTarget> data) {
        Map<String, List<LabelledTarget>> bySentence = new LinkedHashMap<>();
        for (LabelledTarget target : data) {
            bySentence.computeIfAbsent(target.sentence(), s -> new ArrayList<>()).add(target);
        }
        return bySentence;
    }
}
