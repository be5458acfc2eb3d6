package io.newswatch.ingest.fetch;

import io.newswatch.support.outbound.OutboundPolicy;
import java.time.Duration;

/**
 * How pages and feeds are fetched, and how politely.
 *
 * @param userAgent       sent with every request; says who we are and how to reach us. Its first
 *                        word ("newswatch-ingest") is the robot name looked up in robots.txt
 * @param timeout         how long one request may take in all: connecting, headers and body
 * @param maxBodyBytes    bodies are read up to this size; a page declaring more is refused
 * @param hostDelay       least time between the starts of two requests to one host (robots.txt's
 *                        crawl-delay wins when longer)
 * @param hostConnections requests to one host at the same time
 * @param robotsTtl       how long a host's robots.txt is kept before it is read again
 * @param retries         retries of a request that timed out or got 5xx, 408 or 429 (0: none)
 * @param retryBaseDelay  wait before the first retry; doubled each retry, with jitter
 * @param retryMaxDelay   longest wait between retries; a longer Retry-After gives up for now
 * @param outbound        which addresses may be fetched besides public ones ({@code outbound.allow})
 * @param limits          bounds on sitemaps and on the per-host state ({@code sitemap.*}, {@code fetch.host-idle},
 *                        {@code fetch.max-hosts})
 */
public record FetchSettings(String userAgent, Duration timeout, int maxBodyBytes, Duration hostDelay,
                            int hostConnections, Duration robotsTtl, int retries, Duration retryBaseDelay,
                            Duration retryMaxDelay, OutboundPolicy outbound, Limits limits) {

    public FetchSettings {
        if (userAgent == null || userAgent.isBlank()) throw new IllegalArgumentException("fetch.user-agent is required");
        requirePositive("fetch.timeout", timeout);
        if (maxBodyBytes <= 0) throw new IllegalArgumentException("fetch.max-body-bytes must be positive, was " + maxBodyBytes);
        requireNotNegative("fetch.host-delay", hostDelay);
        if (hostConnections <= 0) {
            throw new IllegalArgumentException("fetch.host-connections must be positive, was " + hostConnections);
        }
        requirePositive("fetch.robots-ttl", robotsTtl);
        if (retries < 0) throw new IllegalArgumentException("fetch.retries must not be negative, was " + retries);
        requireNotNegative("fetch.retry-base-delay", retryBaseDelay);
        requireNotNegative("fetch.retry-max-delay", retryMaxDelay);
        if (outbound == null) throw new IllegalArgumentException("the outbound policy is required");
        if (limits == null) throw new IllegalArgumentException("the limits are required");
    }

    /** Settings with the default {@link Limits}. */
    public FetchSettings(String userAgent, Duration timeout, int maxBodyBytes, Duration hostDelay,
                         int hostConnections, Duration robotsTtl, int retries, Duration retryBaseDelay,
                         Duration retryMaxDelay, OutboundPolicy outbound) {
        this(userAgent, timeout, maxBodyBytes, hostDelay, hostConnections, robotsTtl, retries, retryBaseDelay,
                retryMaxDelay, outbound, Limits.DEFAULTS);
    }

    /** Settings fetching public addresses only (and private ones for sources that allow them). */
    public FetchSettings(String userAgent, Duration timeout, int maxBodyBytes, Duration hostDelay,
                         int hostConnections, Duration robotsTtl, int retries, Duration retryBaseDelay,
                         Duration retryMaxDelay) {
        this(userAgent, timeout, maxBodyBytes, hostDelay, hostConnections, robotsTtl, retries, retryBaseDelay,
                retryMaxDelay, OutboundPolicy.publicOnly());
    }

    /** Settings without host delay or retries (one host connection, robots.txt kept an hour): tools and tests. */
    public FetchSettings(String userAgent, Duration timeout, int maxBodyBytes) {
        this(userAgent, timeout, maxBodyBytes, Duration.ZERO, 1, Duration.ofHours(1), 0, Duration.ZERO, Duration.ZERO);
    }

    /** These settings with other limits. */
    public FetchSettings withLimits(Limits other) {
        return new FetchSettings(userAgent, timeout, maxBodyBytes, hostDelay, hostConnections, robotsTtl, retries,
                retryBaseDelay, retryMaxDelay, outbound, other);
    }

    /** The name robots.txt rules address this crawler by: the user agent's product token, lower case. */
    public String robotName() {
        return userAgent.strip().split("[/\\s]", 2)[0].toLowerCase(java.util.Locale.ROOT);
    }

    private static void requirePositive(String key, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(key + " must be positive, was " + d);
    }

    private static void requireNotNegative(String key, Duration d) {
        if (d == null || d.isNegative()) throw new IllegalArgumentException(key + " must not be negative, was " + d);
    }

    /**
     * Bounds on what one untrusted server can make the fetcher hold.
     *
     * @param sitemapMaxBytes    {@code sitemap.max-bytes}: a sitemap is read up to this many bytes once
     *                           uncompressed (a {@code .gz} sitemap is gunzipped within it); the rest is cut off
     * @param sitemapMaxUrls     {@code sitemap.max-urls}: URLs taken from one sitemap, from one sitemap index
     *                           (its child sitemaps) and from one walk of an index and its children together
     * @param sitemapMaxChildren {@code sitemap.max-children}: child sitemaps followed per index, newest first
     * @param hostIdle           {@code fetch.host-idle}: a host's politeness gate and robots.txt are forgotten
     *                           when it has not been fetched from for this long
     * @param maxHosts           {@code fetch.max-hosts}: hosts remembered at most (least recently used
     *                           forgotten first; a host with a request in flight or waiting is never forgotten)
     */
    public record Limits(int sitemapMaxBytes, int sitemapMaxUrls, int sitemapMaxChildren, Duration hostIdle,
                         int maxHosts) {
        /** The defaults of {@code ingest-service.properties}. */
        public static final Limits DEFAULTS = new Limits(52_428_800, 50_000, 10, Duration.ofHours(1), 10_000);

        public Limits {
            if (sitemapMaxBytes <= 0) {
                throw new IllegalArgumentException("sitemap.max-bytes must be positive, was " + sitemapMaxBytes);
            }
            if (sitemapMaxUrls <= 0) throw new IllegalArgumentException("sitemap.max-urls must be positive, was " + sitemapMaxUrls);
            if (sitemapMaxChildren < 0) {
                throw new IllegalArgumentException("sitemap.max-children must not be negative, was " + sitemapMaxChildren);
            }
            requirePositive("fetch.host-idle", hostIdle);
            if (maxHosts <= 0) throw new IllegalArgumentException("fetch.max-hosts must be positive, was " + maxHosts);
        }
    }
}
