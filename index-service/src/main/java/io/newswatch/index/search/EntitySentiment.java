package io.newswatch.index.search;

import io.newswatch.events.Sentiment;
import io.newswatch.events.Sentiment.Label;
import java.util.List;

/**
 * The sentiment toward one entity over its mentions in an article: how many mentions read negative, neutral and
 * positive, and their mean score. The label is the most frequent one; a tie reads neutral (the article is mixed
 * about it). Only mentions with a sentiment count (none in languages without a sentiment model).
 *
 * @param score    mean score of the counted mentions, in [-1, 1]
 * @param label    the most frequent label
 * @param negative mentions read negative
 * @param neutral  mentions read neutral
 * @param positive mentions read positive
 */
public record EntitySentiment(double score, Label label, int negative, int neutral, int positive) {

    /** The sentiment over {@code sentiments} (nulls skipped), or null when none has one. */
    static EntitySentiment over(List<Sentiment> sentiments) {
        int[] counts = new int[Label.values().length];
        double sum = 0;
        int n = 0;
        for (Sentiment s : sentiments) {
            if (s == null) continue;
            counts[s.label().ordinal()]++;
            sum += s.score();
            n++;
        }
        if (n == 0) return null;
        return new EntitySentiment(sum / n, majority(counts), counts[Label.NEGATIVE.ordinal()],
                counts[Label.NEUTRAL.ordinal()], counts[Label.POSITIVE.ordinal()]);
    }

    private static Label majority(int[] counts) {
        int max = java.util.Arrays.stream(counts).max().orElse(0);
        List<Label> most = java.util.Arrays.stream(Label.values()).filter(l -> counts[l.ordinal()] == max).toList();
        return most.size() == 1 ? most.get(0) : Label.NEUTRAL;
    }
}
