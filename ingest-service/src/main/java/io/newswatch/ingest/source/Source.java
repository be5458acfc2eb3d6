package io.newswatch.ingest.source;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One place newswatch polls for articles.
 *
 * @param name         stable name; becomes {@code RawArticle.source}
 * @param type         how it lists articles
 * @param url          where the listing is: http(s), or a {@code file:} URI for {@link SourceType#FILES}
 * @param poll         how often it is polled
 * @param allowPrivate whether loopback, private and link-local addresses may be fetched (local tests, intranets)
 * @param linkPattern  for {@link SourceType#SECTION}: a regular expression found in the absolute URL of
 *                     every article link to follow; null for other types
 */
public record Source(String name, SourceType type, URI url, Duration poll, boolean allowPrivate, String linkPattern) {

    public Source {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name: is required");
        if (type == null) throw new IllegalArgumentException("type: is required");
        if (url == null) throw new IllegalArgumentException(type.isLocal() ? "path: is required" : "url: is required");
        requireScheme(type, url);
        if (poll == null || poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("poll: must be a positive duration, was " + poll);
        }
        requireLinkPattern(type, linkPattern);
    }

    /** A source without a link pattern. */
    public Source(String name, SourceType type, URI url, Duration poll, boolean allowPrivate) {
        this(name, type, url, poll, allowPrivate, null);
    }

    /** The compiled {@link #linkPattern()}; only for section sources. */
    public Pattern links() {
        return Pattern.compile(linkPattern);
    }

    private static void requireScheme(SourceType type, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (type.isLocal()) {
            if (!scheme.equals("file")) throw new IllegalArgumentException("path: '" + url + "' is not a file path");
        } else if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("url: '" + url + "' is not an absolute http(s) URL");
        }
    }

    static void requireLinkPattern(SourceType type, String linkPattern) {
        if (type != SourceType.SECTION) {
            if (linkPattern != null) throw new IllegalArgumentException("linkPattern: only section sources have one");
            return;
        }
        if (linkPattern == null || linkPattern.isBlank()) {
            throw new IllegalArgumentException("linkPattern: is required for a section source (a regex on article URLs)");
        }
        try {
            Pattern.compile(linkPattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("linkPattern: not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
    }
}
