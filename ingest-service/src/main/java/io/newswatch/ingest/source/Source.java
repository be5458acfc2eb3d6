package io.newswatch.ingest.source;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * One place newswatch polls for articles.
 *
 * @param name         stable name; becomes {@code RawArticle.source}
 * @param type         how it lists articles
 * @param url          where the listing is (http or https)
 * @param poll         how often it is polled
 * @param allowPrivate whether loopback, private and link-local addresses may be fetched (local tests, intranets)
 */
public record Source(String name, SourceType type, URI url, Duration poll, boolean allowPrivate) {

    public Source {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name: is required");
        if (type == null) throw new IllegalArgumentException("type: is required");
        if (url == null) throw new IllegalArgumentException("url: is required");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("url: '" + url + "' is not an absolute http(s) URL");
        }
        if (poll == null || poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("poll: must be a positive duration, was " + poll);
        }
    }
}
