package io.newswatch.ingest.fetch;

import io.newswatch.ingest.extract.HtmlParsing;
import io.newswatch.ingest.fetch.FetchException.Category;
import io.newswatch.support.outbound.Destination;
import io.newswatch.support.outbound.PinnedExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Fetches pages, feeds and sitemaps, politely: robots.txt and its crawl-delay obeyed,
 * requests to one host spaced and limited ({@link HostGates}), transient failures retried with
 * backoff ({@link Retrier}), feeds and sitemaps fetched conditionally (ETag / Last-Modified).
 * Redirects are followed here (at most {@value #MAX_REDIRECTS}, loops refused) so every hop
 * passes the address check and robots.txt; charset from the headers or the document. Pages must
 * be HTML; feeds and sitemaps may have any content type. Each request goes to the address its host
 * was checked at ({@link PinnedExchange}), so a name cannot answer a public address to the check and
 * this machine to the connection (DNS rebinding), and is bounded as a whole by {@code fetch.timeout}
 * and {@code fetch.max-body-bytes} (gzip is undone within that bound). The body is parsed by Jsoup. Thread-safe.
 */
public final class Fetcher {
    static final int MAX_REDIRECTS = 5;

    private static final int MAX_ROBOTS_BYTES = 512 * 1024;
    /** The answer headers the fetcher reads. */
    private static final String[] ANSWER_HEADERS = {"Content-Type", "Content-Length", "Location", "ETag",
        "Last-Modified", "Retry-After"};

    private final FetchSettings settings;
    private final HostGates gates;
    private final Retrier retrier;
    private final RobotsCache robots;
    private final Validators validators = new Validators();
    private final AddressGuard guard;

    public Fetcher(FetchSettings settings) {
        this.settings = settings;
        this.guard = new AddressGuard(settings.outbound());
        FetchSettings.Limits limits = settings.limits();
        this.gates = new HostGates(settings.hostConnections(), limits.hostIdle(), limits.maxHosts(), System::nanoTime);
        this.retrier = new Retrier(settings.retries(), settings.retryBaseDelay(), settings.retryMaxDelay());
        this.robots = new RobotsCache(settings.robotName(), settings.robotsTtl(), this::loadRobots, limits.hostIdle(),
                limits.maxHosts(), System::nanoTime);
    }

    /** The bounds this fetcher was configured with ({@code sitemap.*}, {@code fetch.host-idle}, {@code fetch.max-hosts}). */
    public FetchSettings.Limits limits() {
        return settings.limits();
    }

    /** Fetches an HTML page; anything else fails with the reason. */
    public FetchedPage fetchPage(String url, boolean allowPrivate) throws FetchException {
        Answer response = fetch(url, allowPrivate, Kind.PAGE).orElseThrow();
        return page(url, response, Kind.PAGE);
    }

    /** Fetches an RSS or Atom feed, parsed as XML whatever its content type; empty when unchanged (304). */
    public Optional<FetchedPage> fetchFeed(String url, boolean allowPrivate) throws FetchException {
        Optional<Answer> response = fetch(url, allowPrivate, Kind.FEED);
        return response.isEmpty() ? Optional.empty() : Optional.of(page(url, response.get(), Kind.FEED));
    }

    /** Fetches a sitemap or sitemap index as bytes; empty when unchanged (304). */
    public Optional<FetchedSitemap> fetchSitemap(String url, boolean allowPrivate) throws FetchException {
        return fetch(url, allowPrivate, Kind.SITEMAP)
                .map(r -> new FetchedSitemap(r.url(), r.contentType(), r.body(), r.truncated()));
    }

    private Optional<Answer> fetch(String url, boolean allowPrivate, Kind kind) throws FetchException {
        String current = url;
        Set<String> visited = new HashSet<>();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!visited.add(current)) throw FetchException.of(url, Category.BAD_URL, "redirect loop at " + current);
            URI uri = httpUri(current);
            // resolved and checked once, before the politeness wait; the request goes to this address
            Destination destination = guard.check(current, uri, allowPrivate);
            Duration delay = max(settings.hostDelay(), robots.admit(uri, allowPrivate));
            String hopUrl = current;
            Answer response = retrier.call(() -> gates.through(uri, delay,
                    () -> exchange(hopUrl, kind, destination)));
            String location = response.header("Location");
            if (isRedirect(response.status()) && location != null) {
                current = uri.resolve(location.strip().replace(" ", "%20")).toString();
                continue;
            }
            if (response.status() == 304) return Optional.empty();
            if (kind.conditional) validators.remember(current, response);
            return Optional.of(response);
        }
        throw FetchException.of(url, Category.BAD_URL, "more than " + MAX_REDIRECTS + " redirects");
    }

    /** One request: the answer with its body read, a redirect, or a 304; failures thrown. */
    private Answer exchange(String url, Kind kind, Destination destination) throws FetchException {
        Map<String, String> headers = requestHeaders(kind.accept);
        if (kind.conditional) validators.addTo(headers, url);
        try (PinnedExchange exchange = PinnedExchange.send("GET", url(url), destination, headers, null,
                settings.timeout())) {
            int status = exchange.status();
            if (status >= 400) throw FetchException.httpStatus(url, status, RetryAfter.parse(exchange.header("Retry-After")));
            Answer head = answer(url, exchange, new PinnedExchange.Body(new byte[0], false));
            if (isRedirect(status) || status == 304) return head;
            checkBody(url, head, kind);
            return answer(url, exchange, exchange.body(settings.maxBodyBytes()));
        } catch (IOException | UncheckedIOException e) {
            throw FetchException.network(url, "request failed", e);
        }
    }

    /** The request headers of every fetch: who we are, what we take. */
    private Map<String, String> requestHeaders(String accept) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", settings.userAgent());
        headers.put("Accept", accept);
        headers.put("Accept-Encoding", "gzip");
        return headers;
    }

    private static Answer answer(String url, PinnedExchange exchange, PinnedExchange.Body body) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : ANSWER_HEADERS) {
            String value = exchange.header(name);
            if (value != null) headers.put(name, value);
        }
        return new Answer(url, exchange.status(), headers, body.bytes(), body.truncated());
    }

    private void checkBody(String url, Answer response, Kind kind) throws FetchException {
        String type = response.contentType();
        if (kind == Kind.PAGE && !isHtml(type)) throw FetchException.of(url, Category.NOT_HTML, "not HTML: " + type);
        long declared = declaredLength(response);
        if (declared > settings.maxBodyBytes()) {
            throw FetchException.of(url, Category.TOO_LARGE, "too large: " + declared + " bytes (fetch.max-body-bytes is "
                    + settings.maxBodyBytes() + ")");
        }
    }

    private static FetchedPage page(String url, Answer response, Kind kind) throws FetchException {
        try {
            return new FetchedPage(url, response.url(), response.contentType(), parse(response, kind),
                    response.truncated());
        } catch (IOException | UncheckedIOException e) {
            throw FetchException.network(url, "parsing the body failed", e);
        }
    }

    /**
     * The body parsed, charset from the Content-Type, else from the document (BOM, meta); a page that trips
     * Jsoup's template bug is parsed again ({@link HtmlParsing}).
     */
    private static Document parse(Answer response, Kind kind) throws IOException {
        if (kind == Kind.PAGE) return HtmlParsing.parse(response.body(), response.charset(), response.url());
        return Jsoup.parse(new ByteArrayInputStream(response.body()), response.charset(), response.url(),
                Parser.xmlParser());
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
                Answer r = robotsExchange(current, destination);
                String location = r.header("Location");
                if (isRedirect(r.status()) && location != null) {
                    current = uri.resolve(location.strip().replace(" ", "%20")).toString();
                    continue;
                }
                if (r.status() >= 500) throw FetchException.httpStatus(robotsUrl, r.status(), null);
                return new RobotsCache.Loader.RobotsFile(r.status(), r.contentType(), r.body());
            }
            return new RobotsCache.Loader.RobotsFile(404, "", new byte[0]); // a redirect chain: as if there were none
        }));
    }

    /** One robots.txt request, its body read (whatever its status). */
    private Answer robotsExchange(String url, Destination destination) throws FetchException {
        try (PinnedExchange exchange = PinnedExchange.send("GET", url(url), destination, requestHeaders("text/plain,*/*"),
                null, settings.timeout())) {
            return answer(url, exchange, exchange.body(MAX_ROBOTS_BYTES));
        } catch (IOException | UncheckedIOException e) {
            throw FetchException.network(url, "reading robots.txt failed", e);
        }
    }

    private static URL url(String url) throws MalformedURLException {
        try {
            return URI.create(url).toURL();
        } catch (IllegalArgumentException e) {
            throw new MalformedURLException(url + ": " + e.getMessage());
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

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static long declaredLength(Answer response) {
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
