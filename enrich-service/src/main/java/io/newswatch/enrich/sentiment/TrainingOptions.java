package io.newswatch.enrich.sentiment;

/**
 * How the logistic regression is fitted.
 *
 * @param epochs       passes over the training examples
 * @param learningRate AdaGrad's base step
 * @param l2           L2 penalty per example on the weights an example touches
 * @param seed         seed of the example order, so training is reproducible
 * @param balanced     weigh classes inversely to their frequency
 * @param toneExamples also learn each sentence's tone without a target (from sentences whose
 *                     targets all share one label), which document sentiment uses
 * @param coreferences also learn from the coreferent mentions of a target, with its label
 */
public record TrainingOptions(int epochs, double learningRate, double l2, long seed, boolean balanced,
                              boolean toneExamples, boolean coreferences) {

    /** The options of the bundled model (chosen by cross-validation on train.jsonl). */
    public static final TrainingOptions DEFAULT = new TrainingOptions(12, 0.05, 3e-4, 42, true, true, true);

    public TrainingOptions {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1");
        if (learningRate <= 0 || l2 < 0) throw new IllegalArgumentException("learningRate > 0 and l2 >= 0 required");
    }
}
