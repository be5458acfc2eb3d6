package io.newswatch.enrich.sentiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Fits an L2-regularised multinomial logistic regression by stochastic gradient descent with
 * AdaGrad step sizes (per-weight steps suit sparse text features, where rare n-grams need larger
 * steps than the bias), returning the weights averaged over the second half of the epochs
 * (steadier than the last iterate). Small enough that no library is needed for it.
 */
final class LogisticRegressionTrainer {
    private static final double EPSILON = 1e-8;
    private final TrainingOptions options;

    LogisticRegressionTrainer(TrainingOptions options) {
        this.options = options;
    }

    /** A model fitted to {@code vectors} with class indices {@code labels}. */
    LinearModel fit(List<SparseVector> vectors, int[] labels, int classes, int dimension) {
        float[] weights = new float[dimension * classes];
        float[] squares = new float[dimension * classes];
        double[] classWeights = classWeights(labels, classes);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) order.add(i);
        Random random = new Random(options.seed());
        float[] average = new float[weights.length];
        int averaged = 0;
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) step(weights, squares, vectors.get(i), labels[i], classes, classWeights[labels[i]]);
            if (epoch >= options.epochs() / 2) {
                for (int j = 0; j < weights.length; j++) average[j] += weights[j];
                averaged++;
            }
        }
        for (int j = 0; j < average.length; j++) average[j] /= averaged;
        return new LinearModel(classes, average);
    }

    private void step(float[] w, float[] g2, SparseVector x, int label, int classes, double weight) {
        double[] p = LinearModel.softmax(LinearModel.scores(w, classes, x));
        for (int j = 0; j < x.size(); j++) {
            int base = x.indices()[j] * classes;
            for (int k = 0; k < classes; k++) {
                int at = base + k;
                double gradient = weight * (p[k] - (k == label ? 1 : 0)) * x.values()[j] + options.l2() * w[at];
                g2[at] += (float) (gradient * gradient);
                w[at] -= (float) (options.learningRate() * gradient / Math.sqrt(g2[at] + EPSILON));
            }
        }
    }

    private double[] classWeights(int[] labels, int classes) {
        double[] weights = new double[classes];
        java.util.Arrays.fill(weights, 1);
        if (!options.balanced()) return weights;
        int[] counts = new int[classes];
        for (int label : labels) counts[label]++;
        for (int k = 0; k < classes; k++) weights[k] = counts[k] == 0 ? 1 : (double) labels.length / (classes * counts[k]);
        return weights;
    }
}
