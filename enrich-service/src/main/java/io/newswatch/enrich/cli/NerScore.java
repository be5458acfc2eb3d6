package io.newswatch.enrich.cli;

import io.newswatch.enrich.cli.NerCorpus.Span;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Exact-span scores per type, as conlleval counts them: a found name is right only when its start,
 * end and type all equal a true name's. A name found with the right span and the wrong type counts
 * once as a false positive (its type) and once as a miss (the true type).
 */
final class NerScore {
    private final Map<String, int[]> counts = new LinkedHashMap<>(); // type -> {tp, fp, fn}

    NerScore() {
        for (String type : NerCorpus.TYPES) counts.put(type, new int[3]);
    }

    /** Adds one document's true and found spans (duplicates count once). */
    void add(Collection<Span> truth, Collection<Span> found) {
        Set<Span> expected = new HashSet<>(truth);
        Set<Span> got = new HashSet<>(found);
        for (Span span : got) counts.get(span.type())[expected.contains(span) ? 0 : 1]++;
        for (Span span : expected) if (!got.contains(span)) counts.get(span.type())[2]++;
    }

    /** F1 over all types (micro-averaged). */
    double f1() {
        int[] all = total();
        return f1(all);
    }

    /** {@code label  P R F1} overall, then per type, on one line each. */
    String report(String label) {
        StringBuilder out = new StringBuilder();
        out.append(row(label + " all", total()));
        for (Map.Entry<String, int[]> type : counts.entrySet()) out.append(row(label + " " + type.getKey(), type.getValue()));
        return out.toString();
    }

    private int[] total() {
        int[] all = new int[3];
        for (int[] c : counts.values()) for (int i = 0; i < 3; i++) all[i] += c[i];
        return all;
    }

    private static String row(String label, int[] c) {
        return String.format(Locale.ROOT, "%-16s P %.3f  R %.3f  F1 %.3f   (tp %d, fp %d, fn %d)%n", label,
                precision(c), recall(c), f1(c), c[0], c[1], c[2]);
    }

    private static double precision(int[] c) {
        return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    }

    private static double recall(int[] c) {
        return c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    }

    private static double f1(int[] c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
