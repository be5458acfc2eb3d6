package io.newswatch.ingest.fetch;

import java.time.Duration;

/**
 * How pages and feeds are fetched.
 *
 * @param userAgent    sent with every request; says who we are and how to reach us
 * @param timeout      connect and read timeout of one request
 * @param maxBodyBytes bodies are read up to this size; a page declaring more is refused
 */
public record FetchSettings(String userAgent, Duration timeout, int maxBodyBytes) {

    public FetchSettings {
        if (userAgent == null || userAgent.isBlank()) throw new IllegalArgumentException("fetch.user-agent is required");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("fetch.timeout must be positive, was " + timeout);
        }
        if (maxBodyBytes <= 0) throw new IllegalArgumentException("fetch.max-body-bytes must be positive, was " + maxBodyBytes);
    }
}
