package io.newswatch.enrich.sentiment;

/**
 * Multinomial logistic regression over hashed features: {@code weights[feature * classes + k]}.
 * Immutable once built; {@link #probabilities} is thread-safe.
 */
final class LinearModel {
    private final int classes;
    private final float[] weights;

    LinearModel(int classes, float[] weights) {
        if (weights.length % classes != 0) throw new IllegalArgumentException("weights must be features x classes");
        this.classes = classes;
        this.weights = weights;
    }

    int classes() {
        return classes;
    }

    int dimension() {
        return weights.length / classes;
    }

    /** A copy of the weights (for saving). */
    float[] weights() {
        return weights.clone();
    }

    /** The softmax class probabilities of {@code x}. */
    double[] probabilities(SparseVector x) {
        return softmax(scores(weights, classes, x));
    }

    static double[] scores(float[] weights, int classes, SparseVector x) {
        double[] scores = new double[classes];
        for (int j = 0; j < x.size(); j++) {
            int base = x.indices()[j] * classes;
            float value = x.values()[j];
            for (int k = 0; k < classes; k++) scores[k] += weights[base + k] * value;
        }
        return scores;
    }

    static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) max = Math.max(max, s);
        double sum = 0;
        double[] p = new double[scores.length];
        for (int k = 0; k < scores.length; k++) {
            p[k] = Math.exp(scores[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) p[k] /= sum;
        return p;
    }
}
