package io.newswatch.ingest.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction score of DESIGN.md: texts are {@code \w+} tokens (Unicode) compared as
 * multisets of 4-token shingles; each page's tp/fp/fn are normalised to sum to 1 so every page
 * weighs the same; precision and recall are taken of the means over pages, F1 of those.
 */
final class ShingleScore {
    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int SHINGLE = 4;

    private double tp;
    private double fp;
    private double fn;
    private int pages;

    /** Adds one page: the true article body and the extracted one. */
    void add(String truth, String predicted) {
        Map<List<String>, Integer> t = shingles(truth);
        Map<List<String>, Integer> p = shingles(predicted);
        double hit = 0;
        for (Map.Entry<List<String>, Integer> e : p.entrySet()) {
            hit += Math.min(e.getValue(), t.getOrDefault(e.getKey(), 0));
        }
        double extra = total(p) - hit;
        double missed = total(t) - hit;
        double sum = hit + extra + missed;
        if (sum > 0) {
            tp += hit / sum;
            fp += extra / sum;
            fn += missed / sum;
        }
        pages++;
    }

    double precision() {
        return tp / (tp + fp);
    }

    double recall() {
        return tp / (tp + fn);
    }

    double f1() {
        return 2 * precision() * recall() / (precision() + recall());
    }

    int pages() {
        return pages;
    }

    /** The per-page F1 of one extraction, for finding the pages that score worst. */
    static double pageF1(String truth, String predicted) {
        ShingleScore one = new ShingleScore();
        one.add(truth, predicted);
        return one.tp == 0 ? 0 : one.f1();
    }

    private static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new java.util.ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) tokens.add(m.group());
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + SHINGLE <= tokens.size(); i++) {
            counts.merge(tokens.subList(i, i + SHINGLE), 1, Integer::sum);
        }
        return counts;
    }

    private static int total(Map<List<String>, Integer> counts) {
        int n = 0;
        for (int c : counts.values()) n += c;
        return n;
    }
}
