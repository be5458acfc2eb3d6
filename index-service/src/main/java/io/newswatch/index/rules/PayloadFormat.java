package io.newswatch.index.rules;

/** What a webhook receives: the alert as JSON, or a Slack-compatible {@code {"text": ...}} message. */
public enum PayloadFormat {
    JSON, SLACK
}
