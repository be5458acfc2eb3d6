package io.newswatch.enrich.sentiment;

import io.newswatch.events.Sentiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Trains a {@link SentimentModel} on labelled targets, cross-validates, and scores a model. */
public final class SentimentTrainer {
    private static final int CLASSES = Sentiment.Label.values().length;

    private SentimentTrainer() {}

    /** A model fitted to {@code data} with the bundled lexicon. */
    public static SentimentModel train(List<LabelledTarget> data, FeatureOptions features, TrainingOptions training) {
        Lexicon lexicon = Lexicon.bundled();
        TargetFeatures extractor = new TargetFeatures(features, lexicon);
        List<SparseVector> vectors = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (LabelledTarget target : data) {
            if (target.coreference() && !training.coreferences()) continue;
            vectors.add(extractor.extract(target.sentence(), target.start(), target.end()));
            labels.add(target.label().ordinal());
        }
        if (training.toneExamples()) addToneExamples(data, extractor, vectors, labels);
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        LinearModel linear = new LogisticRegressionTrainer(training).fit(vectors, y, CLASSES, features.dimension());
        return SentimentModel.trained(features, lexicon, linear);
    }

    /** Sentences whose targets all share a label teach the target-free tone with that label. */
    private static void addToneExamples(List<LabelledTarget> data, TargetFeatures extractor,
                                        List<SparseVector> vectors, List<Integer> labels) {
        Map<String, List<LabelledTarget>> bySentence = groupBySentence(data);
        for (List<LabelledTarget> targets : bySentence.values()) {
            targets = targets.stream().filter(t -> !t.coreference()).toList();
            if (targets.isEmpty()) continue;
            Sentiment.Label label = targets.get(0).label();
            if (targets.stream().allMatch(t -> t.label() == label)) {
                vectors.add(extractor.extract(targets.get(0).sentence(), -1, -1));
                labels.add(label.ordinal());
            }
        }
    }

    /** The scores of {@code folds}-fold cross-validation; a sentence's targets stay in one fold. */
    public static Scores crossValidate(List<LabelledTarget> data, int folds, FeatureOptions features,
                                       TrainingOptions training) {
        List<List<LabelledTarget>> sentences = new ArrayList<>(groupBySentence(data).values());
        Scores scores = new Scores();
        for (int fold = 0; fold < folds; fold++) {
            List<LabelledTarget> train = new ArrayList<>();
            List<LabelledTarget> test = new ArrayList<>();
            for (int i = 0; i < sentences.size(); i++) (i % folds == fold ? test : train).addAll(sentences.get(i));
            evaluate(train(train, features, training), test, scores);
        }
        return scores;
    }

    /** The scores of {@code model} on {@code data}'s labelled (not coreference) targets. */
    public static Scores evaluate(SentimentModel model, List<LabelledTarget> data) {
        return evaluate(model, data, new Scores());
    }

    private static Scores evaluate(SentimentModel model, List<LabelledTarget> data, Scores scores) {
        for (LabelledTarget target : data) {
            if (target.coreference()) continue;
            scores.add(target.label(), model.toward(target.sentence(), target.start(), target.end()).label());
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
