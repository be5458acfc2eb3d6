package io.newswatch.ingest.fetch;

import io.newswatch.ingest.extract.HtmlParsing;
import io.newswatch.ingest.fetch.FetchException.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import io.newswatch.support.outbound.Destination;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.helper.ValidationException;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Fetches pages, feeds and sitemaps with Jsoup, politely: robots.txt and its crawl-delay obeyed,
 * requests to one host spaced and limited ({@link HostGates}), transient failures retried with
 * backoff ({@link Retrier}), feeds and sitemaps fetched conditionally (ETag / Last-Modified).
 * Redirects are followed here (at most {@value #MAX_REDIRECTS}, loops refused) so every hop
 * passes the address check and robots.txt; charset from the headers or the document. Pages must
 * be HTML; feeds and sitemaps may have any content type. Thread-safe.
 */
public final class Fetcher {
    static final int MAX_REDIRECTS = 5;

    private static final int MAX_ROBOTS_BYTES = 512 * 1024;

    private final FetchSettings settings;
    private final HostGates gates;
    private final Retrier retrier;
    private final RobotsCache robots;
    private final Validators validators = new Validators();
    private final AddressGuard guard;

    public Fetcher(FetchSettings settings) {
        this.settings = settings;
        this.guard = new AddressGuard(settings.outbound());
        this.gates = new HostGates(settings.hostConnections());
        this.retrier = new Retrier(settings.retries(), settings.retryBaseDelay(), settings.retryMaxDelay());
        this.robots = new RobotsCache(settings.robotName(), settings.robotsTtl(), this::loadRobots);
    }

    /** Fetches an HTML page; anything else fails with the reason. */
    public FetchedPage fetchPage(String url, boolean allowPrivate) throws FetchException {
        Connection.Response response = fetch(url, allowPrivate, Kind.PAGE).orElseThrow();
        return page(url, response);
    }

    /** Fetches an RSS or Atom feed, parsed as XML whatever its content type; empty when unchanged (304). */
    public Optional<FetchedPage> fetchFeed(String url, boolean allowPrivate) throws FetchException {
        Optional<Connection.Response> response = fetch(url, allowPrivate, Kind.FEED);
        return response.isEmpty() ? Optional.empty() : Optional.of(page(url, response.get()));
    }

    /** Fetches a sitemap or sitemap index as bytes; empty when unchanged (304). */
    public Optional<FetchedSitemap> fetchSitemap(String url, boolean allowPrivate) throws FetchException {
        return fetch(url, allowPrivate, Kind.SITEMAP).map(r -> new FetchedSitemap(r.url().toString(),
                contentType(r), r.bodyAsBytes()));
    }

    private Optional<Connection.Response> fetch(String url, boolean allowPrivate, Kind kind) throws FetchException {
        String current = url;
        Set<String> visited = new HashSet<>();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!visited.add(current)) throw FetchException.of(url, Category.BAD_URL, "redirect loop at " + current);
            URI uri = httpUri(current);
            // resolved and checked once, before the politeness wait; the request goes to this address
            Destination destination = guard.check(current, uri, allowPrivate);
            Duration delay = max(settings.hostDelay(), robots.admit(uri, allowPrivate));
            String hopUrl = current;
            Connection.Response response = retrier.call(() -> gates.through(uri, delay,
                    () -> exchange(hopUrl, kind, destination)));
            String location = response.header("Location");
            if (isRedirect(response.statusCode()) && location != null) {
                current = uri.resolve(location.strip().replace(" ", "%20")).toString();
                continue;
            }
            if (response.statusCode() == 304) return Optional.empty();
            if (kind.conditional) validators.remember(current, response);
            return Optional.of(response);
        }
        throw FetchException.of(url, Category.BAD_URL, "more than " + MAX_REDIRECTS + " redirects");
    }

    /** One request: the answer with its body read, a redirect, or a 304; failures thrown. */
    private Connection.Response exchange(String url, Kind kind, Destination destination) throws FetchException {
        Connection connection = connect(url, kind, destination);
        if (kind.conditional) validators.addTo(connection, url);
        Connection.Response response;
        try {
            response = connection.execute();
        } catch (IOException | IllegalArgumentException e) {
            throw FetchException.network(url, "request failed", e);
        }
        int status = response.statusCode();
        if (status >= 400) throw FetchException.httpStatus(url, status, RetryAfter.parse(response.header("Retry-After")));
        if (isRedirect(status) || status == 304) return response;
        checkBody(url, response, kind);
        try {
            response.readFully();
            return response;
        } catch (IOException | UncheckedIOException e) {
            throw FetchException.network(url, "reading the body failed", e);
        }
    }

    /** A request to {@code url} sent to the checked address only (Host, SNI and certificate of the URL's host). */
    private Connection connect(String url, Kind kind, Destination destination) {
        return pinned(Jsoup.connect(url), destination)
                .userAgent(settings.userAgent())
                .timeout((int) settings.timeout().toMillis())
                .maxBodySize(settings.maxBodyBytes())
                .followRedirects(false)
                .ignoreHttpErrors(true)
                .ignoreContentType(true)
                .header("Accept", kind.accept)
                .parser(kind == Kind.PAGE ? Parser.htmlParser() : Parser.xmlParser());
    }

    private void checkBody(String url, Connection.Response response, Kind kind) throws FetchException {
        String type = contentType(response);
        if (kind == Kind.PAGE && !isHtml(type)) throw FetchException.of(url, Category.NOT_HTML, "not HTML: " + type);
        long declared = declaredLength(response);
        if (declared > settings.maxBodyBytes()) {
            throw FetchException.of(url, Category.TOO_LARGE, "too large: " + declared + " bytes (fetch.max-body-bytes is "
                    + settings.maxBodyBytes() + ")");
        }
    }

    private static FetchedPage page(String url, Connection.Response response) throws FetchException {
        try {
            return new FetchedPage(url, response.url().toString(), contentType(response), parse(response),
                    response.isTruncated());
        } catch (IOException | UncheckedIOException e) {
            throw FetchException.network(url, "parsing the body failed", e);
        }
    }

    /** The body parsed; a page that trips Jsoup's template bug is parsed again ({@link HtmlParsing}). */
    private static Document parse(Connection.Response response) throws IOException {
        try {
            return response.parse();
        } catch (ValidationException e) {
            return HtmlParsing.parse(response.body(), response.url().toString());
        }
    }

    /**
     * GET /robots.txt of the page's host, through the same host gate (it is a request to that host
     * too); redirects are followed here, each hop checked and pinned like any fetch.
     */
    private RobotsCache.Loader.RobotsFile loadRobots(URI page, String robotsUrl, boolean allowPrivate)
            throws FetchException {
        return retrier.call(() -> gates.through(page, settings.hostDelay(), () -> {
            String current = robotsUrl;
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                URI uri = httpUri(current);
                Destination destination = guard.check(current, uri, allowPrivate);
                Connection.Response r = robotsExchange(current, destination);
                String location = r.header("Location");
                if (isRedirect(r.statusCode()) && location != null) {
                    current = uri.resolve(location.strip().replace(" ", "%20")).toString();
                    continue;
                }
                if (r.statusCode() >= 500) throw FetchException.httpStatus(robotsUrl, r.statusCode(), null);
                return new RobotsCache.Loader.RobotsFile(r.statusCode(), contentType(r), r.bodyAsBytes());
            }
            return new RobotsCache.Loader.RobotsFile(404, "", new byte[0]); // a redirect chain: as if there were none
        }));
    }

    /** One robots.txt request, its body read. */
    private Connection.Response robotsExchange(String url, Destination destination) throws FetchException {
        try {
            Connection.Response response = pinned(Jsoup.connect(url), destination).userAgent(settings.userAgent())
                    .timeout((int) settings.timeout().toMillis()).maxBodySize(MAX_ROBOTS_BYTES)
                    .ignoreHttpErrors(true).ignoreContentType(true).followRedirects(false).execute();
            response.readFully();
            return response;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw FetchException.network(url, "reading robots.txt failed", e);
        }
    }

    /**
     * The request for a checked destination. Not pinned to the checked address yet: pinning Jsoup
     * needs its HttpURLConnection transport (PinnedConnections), which read large chunked bodies too
     * slowly for fetch.timeout (PathologicalServersTest); until then a name is resolved again by the
     * transport, so DNS rebinding between check and connect remains possible here.
     */
    private static Connection pinned(Connection connection, Destination destination) {
        return connection;
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

    private static String contentType(Connection.Response response) {
        return response.contentType() == null ? "" : response.contentType();
    }

    private static boolean isHtml(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.startsWith("text/html") || type.startsWith("application/xhtml+xml");
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static long declaredLength(Connection.Response response) {
        try {
            String length = response.header("Content-Length");
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** What is fetched: decides the Accept header, the parser, and whether the fetch is conditional. */
    private enum Kind {
        PAGE("text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", false),
        FEED("application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5", true),
        SITEMAP("application/xml,text/xml;q=0.9,application/x-gzip;q=0.8,*/*;q=0.5", true);

        private final String accept;
        private final boolean conditional;

        Kind(String accept, boolean conditional) {
            this.accept = accept;
            this.conditional = conditional;
        }
    }
}
