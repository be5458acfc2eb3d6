package io.newswatch.ingest.fetch;

import java.time.Duration;
import java.util.Locale;

/**
 * A page or feed could not be fetched. {@link #category()} says why in a word (for metrics);
 * {@link #isTransient()} tells whether trying again later may work.
 */
public final class FetchException extends Exception {
    /** Why a fetch failed. */
    public enum Category {
        /** The address is loopback, private or link-local and the source does not allow that. */
        REFUSED_ADDRESS(false),
        /** The response is not HTML (pages only). */
        NOT_HTML(false),
        /** The body is larger than fetch.max-body-bytes. */
        TOO_LARGE(false),
        /** A 4xx answer other than 408/429. */
        HTTP_CLIENT_ERROR(false),
        /** 408 or 429: asked to come back later. */
        THROTTLED(true),
        /** A 5xx answer. */
        HTTP_SERVER_ERROR(true),
        /** Connection, DNS, timeout or read failure. */
        NETWORK(true),
        /** Too many redirects, a redirect loop, or a URL that is not http(s). */
        BAD_URL(false),
        /** robots.txt disallows the URL for our user agent. */
        ROBOTS_DISALLOWED(false),
        /** The body is not what it should be (a sitemap that is not a sitemap). */
        UNREADABLE(false);

        private final boolean transientFailure;

        Category(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** The category as a metric tag value ("not_html"). */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String url;
    private final Category category;
    private final int statusCode;
    private final Duration retryAfter;

    FetchException(String url, Category category, String reason, int statusCode, Duration retryAfter,
                   Throwable cause) {
        super(reason, cause);
        this.url = url;
        this.category = category;
        this.statusCode = statusCode;
        this.retryAfter = retryAfter;
    }

    static FetchException of(String url, Category category, String reason) {
        return new FetchException(url, category, reason, 0, null, null);
    }

    static FetchException httpStatus(String url, int status, Duration retryAfter) {
        Category category = status >= 500 ? Category.HTTP_SERVER_ERROR
                : status == 429 || status == 408 ? Category.THROTTLED : Category.HTTP_CLIENT_ERROR;
        return new FetchException(url, category, "HTTP " + status, status, retryAfter, null);
    }

    /** The body of {@code url} could not be understood. */
    public static FetchException unreadable(String url, String reason) {
        return of(url, Category.UNREADABLE, reason);
    }

    static FetchException network(String url, String what, Throwable cause) {
        return new FetchException(url, Category.NETWORK, what + ": " + cause, 0, null, cause);
    }

    /** The URL that was being fetched. */
    public String url() {
        return url;
    }

    /** Why it failed, in a word. */
    public Category category() {
        return category;
    }

    /** True when the same URL may well work on the next try. */
    public boolean isTransient() {
        return category.transientFailure;
    }

    /** How long the server asked us to wait (Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The HTTP status that failed, or 0 when there was no answer. */
    public int statusCode() {
        return statusCode;
    }
}
