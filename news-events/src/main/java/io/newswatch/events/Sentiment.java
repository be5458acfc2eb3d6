package io.newswatch.events;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A sentiment score in [-1, 1] and its label.
 *
 * @param score negative below zero, positive above
 * @param label the class the score falls in
 */
public record Sentiment(double score, Label label) {

    /** The three classes the benchmarks and the UI use. */
    public enum Label {
        NEGATIVE, NEUTRAL, POSITIVE;

        @JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Sentiment {
        if (Double.isNaN(score) || score < -1 || score > 1) {
            throw new IllegalArgumentException("Sentiment.score must be in [-1, 1], was " + score);
        }
        Require.present(label, "Sentiment.label");
    }
}
