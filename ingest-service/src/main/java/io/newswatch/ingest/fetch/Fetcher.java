package io.newswatch.ingest.fetch;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import io.newswatch.ingest.fetch.FetchException.Category;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.UnsupportedMimeTypeException;
import org.jsoup.parser.Parser;

/**
 * Fetches pages and feeds with Jsoup: the configured user agent, timeout and body cap; redirects
 * followed here (at most {@value #MAX_REDIRECTS}) so every hop passes the address check; charset
 * from the headers or the document. Pages must be HTML; feeds may have any content type. Thread-safe.
 */
public final class Fetcher {
    static final int MAX_REDIRECTS = 5;
    private static final String HTML_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";
    private static final String FEED_ACCEPT =
            "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5";

    private final FetchSettings settings;

    public Fetcher(FetchSettings settings) {
        this.settings = settings;
    }

    /** Fetches an HTML page; anything else fails with the reason. */
    public FetchedPage fetchPage(String url, boolean allowPrivate) throws FetchException {
        return fetch(url, allowPrivate, false);
    }

    /** Fetches an RSS or Atom feed, parsed as XML whatever its content type. */
    public FetchedPage fetchFeed(String url, boolean allowPrivate) throws FetchException {
        return fetch(url, allowPrivate, true);
    }

    private FetchedPage fetch(String url, boolean allowPrivate, boolean feed) throws FetchException {
        String current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            URI uri = httpUri(current);
            AddressGuard.check(current, uri.getHost(), allowPrivate);
            Connection.Response response = execute(current, feed);
            String location = response.header("Location");
            if (isRedirect(response.statusCode()) && location != null) {
                current = uri.resolve(location.strip().replace(" ", "%20")).toString();
                continue;
            }
            return read(url, current, response, feed);
        }
        throw FetchException.of(url, Category.BAD_URL, "more than " + MAX_REDIRECTS + " redirects");
    }

    private Connection.Response execute(String url, boolean feed) throws FetchException {
        Connection connection = Jsoup.connect(url)
                .userAgent(settings.userAgent())
                .timeout((int) settings.timeout().toMillis())
                .maxBodySize(settings.maxBodyBytes())
                .followRedirects(false)
                .ignoreHttpErrors(true)
                .ignoreContentType(feed)
                .header("Accept", feed ? FEED_ACCEPT : HTML_ACCEPT)
                .parser(feed ? Parser.xmlParser() : Parser.htmlParser());
        try {
            return connection.execute();
        } catch (UnsupportedMimeTypeException e) {
            throw FetchException.of(url, Category.NOT_HTML, "not HTML: " + e.getMimeType());
        } catch (IOException | IllegalArgumentException e) {
            throw FetchException.network(url, "request failed", e);
        }
    }

    private FetchedPage read(String url, String finalUrl, Connection.Response response, boolean feed)
            throws FetchException {
        if (response.statusCode() >= 400) throw FetchException.httpStatus(url, response.statusCode());
        String type = response.contentType() == null ? "" : response.contentType();
        if (!feed && !isHtml(type)) throw FetchException.of(url, Category.NOT_HTML, "not HTML: " + type);
        long declared = declaredLength(response);
        if (declared > settings.maxBodyBytes()) {
            throw FetchException.of(url, Category.TOO_LARGE, "too large: " + declared + " bytes (fetch.max-body-bytes is "
                    + settings.maxBodyBytes() + ")");
        }
        try {
            response.readFully();
            return new FetchedPage(url, finalUrl, type, response.parse(), response.isTruncated());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw FetchException.network(url, "reading the body failed", e);
        }
    }

    private static URI httpUri(String url) throws FetchException {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) return uri;
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw FetchException.of(url, Category.BAD_URL, "not an absolute http(s) URL");
    }

    private static boolean isHtml(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.startsWith("text/html") || type.startsWith("application/xhtml+xml");
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static long declaredLength(Connection.Response response) {
        try {
            String length = response.header("Content-Length");
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
