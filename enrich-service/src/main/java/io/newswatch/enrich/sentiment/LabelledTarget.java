package io.newswatch.enrich.sentiment;

import io.newswatch.events.Sentiment;

/**
 * A sentence, a span of it, and the sentiment a human read toward that span.
 *
 * @param sentenceId identifies the sentence (cross-validation keeps a sentence's targets together)
 * @param sentence   the sentence
 * @param start      first char of the target, inclusive (UTF-16 index)
 * @param end        last char, exclusive
 * @param label      the human label
 * @param coreference whether the span is a coreferent mention ("he") of the labelled one, which
 *                    training may use but scoring does not
 */
public record LabelledTarget(String sentenceId, String sentence, int start, int end, Sentiment.Label label,
                             boolean coreference) {

    public LabelledTarget {
        if (start < 0 || end <= start || end > sentence.length()) {
            throw new IllegalArgumentException("target " + start + ".." + end + " is outside the sentence of "
                    + sentence.length() + " chars (" + sentenceId + ")");
        }
    }
}
