package io.newswatch.enrich.sentiment;

import io.newswatch.events.Sentiment.Label;
import java.util.Locale;

/**
 * A confusion matrix over the three labels and the figures taken from it.
 * {@code counts[gold][predicted]}, indices in {@link Label} order.
 */
public final class Scores {
    private static final Label[] LABELS = Label.values();
    private final long[][] counts = new long[LABELS.length][LABELS.length];

    /** Counts one decision. */
    public void add(Label gold, Label predicted) {
        counts[gold.ordinal()][predicted.ordinal()]++;
    }

    /** How often {@code gold} was classified as {@code predicted}. */
    public long count(Label gold, Label predicted) {
        return counts[gold.ordinal()][predicted.ordinal()];
    }

    public long total() {
        long total = 0;
        for (long[] row : counts) for (long c : row) total += c;
        return total;
    }

    public double precision(Label label) {
        long predicted = 0;
        for (long[] row : counts) predicted += row[label.ordinal()];
        return ratio(counts[label.ordinal()][label.ordinal()], predicted);
    }

    public double recall(Label label) {
        long gold = 0;
        for (long c : counts[label.ordinal()]) gold += c;
        return ratio(counts[label.ordinal()][label.ordinal()], gold);
    }

    public double f1(Label label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The mean of the three classes' F1. */
    public double macroF1() {
        double sum = 0;
        for (Label label : LABELS) sum += f1(label);
        return sum / LABELS.length;
    }

    public double accuracy() {
        long right = 0;
        for (Label label : LABELS) right += counts[label.ordinal()][label.ordinal()];
        return ratio(right, total());
    }

    /** Macro-F1, per-class P/R/F1 and the confusion matrix, as printed by {@code bench-sentiment}. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "targets %d  macro-F1 %.4f  accuracy %.4f%n", total(), macroF1(), accuracy()));
        out.append(String.format(Locale.ROOT, "%-9s %9s %9s %9s%n", "class", "precision", "recall", "F1"));
        for (Label label : LABELS) {
            out.append(String.format(Locale.ROOT, "%-9s %9.4f %9.4f %9.4f%n", label.json(), precision(label),
                    recall(label), f1(label)));
        }
        out.append("confusion matrix (rows gold, columns predicted)\n");
        out.append(String.format(Locale.ROOT, "%-9s", "gold"));
        for (Label label : LABELS) out.append(String.format(Locale.ROOT, " %9s", label.json()));
        out.append('\n');
        for (Label gold : LABELS) {
            out.append(String.format(Locale.ROOT, "%-9s", gold.json()));
            for (Label predicted : LABELS) out.append(String.format(Locale.ROOT, " %9d", count(gold, predicted)));
            out.append('\n');
        }
        return out.toString();
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
