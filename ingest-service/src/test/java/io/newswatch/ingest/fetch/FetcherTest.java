package io.newswatch.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.ingest.LocalWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.newswatch.support.outbound.OutboundPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FetcherTest {
    private static final String PAGE = "<html><head><title>Hello</title></head><body><p>Привет, мир</p></body></html>";
    private static final int MAX_BYTES = 10_000;

    private final Fetcher fetcher = new Fetcher(new FetchSettings("newswatch-test/1.0", Duration.ofSeconds(5), MAX_BYTES));
    private LocalWebServer web;

    @BeforeEach
    void startServer() throws IOException {
        web = new LocalWebServer();
    }

    @AfterEach
    void stopServer() {
        web.close();
    }

    @Test
    void fetchesAnHtmlPageWithItsCharset() throws FetchException {
        web.serve("/a", 200, "text/html; charset=utf-8", PAGE);

        FetchedPage page = fetcher.fetchPage(web.url("/a"), true);

        assertEquals("Привет, мир", page.document().selectFirst("p").text());
        assertEquals(web.url("/a"), page.finalUrl());
        assertFalse(page.truncated());
    }

    @Test
    void nonHtmlIsSkippedWithTheReason() {
        web.serve("/doc.pdf", 200, "application/pdf", "%PDF-1.4");
        web.serve("/notes.txt", 200, "text/plain", "just text");

        FetchException pdf = assertThrows(FetchException.class, () -> fetcher.fetchPage(web.url("/doc.pdf"), true));
        FetchException text = assertThrows(FetchException.class, () -> fetcher.fetchPage(web.url("/notes.txt"), true));

        assertEquals("not HTML: application/pdf", pdf.getMessage());
        assertEquals("not HTML: text/plain", text.getMessage());
        assertEquals(FetchException.Category.NOT_HTML, pdf.category());
        assertFalse(pdf.isTransient());
    }

    @Test
    void aPageAnnouncingMoreThanTheCapIsRefused() {
        web.serve("/big", 200, "text/html", "<html><body>" + "x".repeat(MAX_BYTES * 2) + "</body></html>");

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetchPage(web.url("/big"), true));

        assertEquals(FetchException.Category.TOO_LARGE, e.category());
        assertTrue(e.getMessage().contains("fetch.max-body-bytes"), e.getMessage());
    }

    @Test
    void aBodyWithoutLengthIsCappedAtTheLimit() throws FetchException {
        byte[] body = ("<html><body><p>start</p>" + "y".repeat(MAX_BYTES * 3) + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        web.serveChunked("/stream", "text/html", body);

        FetchedPage page = fetcher.fetchPage(web.url("/stream"), true);

        assertTrue(page.truncated());
        assertEquals("start", page.document().selectFirst("p").text());
        assertTrue(page.document().body().text().length() <= MAX_BYTES);
    }

    @Test
    void loopbackIsRefusedUnlessTheSourceAllowsIt() throws FetchException {
        web.serve("/a", 200, "text/html", PAGE);

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetchPage(web.url("/a"), false));

        assertEquals(FetchException.Category.REFUSED_ADDRESS, e.category());
        assertTrue(e.getMessage().contains("loopback") && e.getMessage().contains("allowPrivate"), e.getMessage());
        assertEquals(0, web.hits("/a"));
        assertEquals("Hello", fetcher.fetchPage(web.url("/a"), true).document().title());
    }

    @Test
    void everyRedirectHopAndRobotsTxtHopIsCheckedAgainstThePolicy() throws IOException {
        // only 127.0.0.1 allowed: a hop to 127.0.0.2 (loopback too, but not allowed) stands for a private address
        Fetcher strict = new Fetcher(new FetchSettings("newswatch-test/1.0", Duration.ofSeconds(5), MAX_BYTES,
                Duration.ZERO, 1, Duration.ofHours(1), 0, Duration.ZERO, Duration.ZERO,
                io.newswatch.support.outbound.OutboundPolicy.allowing(List.of("127.0.0.1/32"))));
        String elsewhere = web.url("/b").replace("127.0.0.1", "127.0.0.2");
        web.serve("/b", 200, "text/html", PAGE).redirect("/a", elsewhere);

        FetchException page = assertThrows(FetchException.class, () -> strict.fetchPage(web.url("/a"), false));
        assertEquals(FetchException.Category.REFUSED_ADDRESS, page.category(), page.getMessage());
        assertEquals(0, web.hits("/b"));

        try (LocalWebServer other = new LocalWebServer()) {
            other.serve("/c", 200, "text/html", PAGE)
                    .redirect("/robots.txt", other.url("/robots.txt").replace("127.0.0.1", "127.0.0.2"));
            FetchException robots = assertThrows(FetchException.class, () -> strict.fetchPage(other.url("/c"), false));
            assertEquals(FetchException.Category.REFUSED_ADDRESS, robots.category(), robots.getMessage());
            assertEquals(0, other.hits("/c"));
        }
    }

    @Test
    void privateAndLinkLocalAddressesAreRefusedWithoutARequest() {
        for (String host : new String[] {"10.1.2.3", "192.168.0.1", "172.16.5.4", "169.254.169.254", "100.64.0.1",
                "[fd00::1]", "[fe80::1]", "[::1]", "0.0.0.0", "[64:ff9b::7f00:1]", "198.18.0.1", "240.0.0.1"}) {
            FetchException e = assertThrows(FetchException.class, () -> fetcher.fetchPage("http://" + host + "/", false));
            assertEquals(FetchException.Category.REFUSED_ADDRESS, e.category(), host + ": " + e.getMessage());
        }
        FetchException metadata = assertThrows(FetchException.class,
                () -> fetcher.fetchPage("http://169.254.169.254/latest/meta-data/", true));
        assertTrue(metadata.getMessage().contains("never allowed"), metadata.getMessage());
    }

    @Test
    void serverErrorsAreTransientAndClientErrorsAreNot() {
        web.serve("/down", 503, "text/html", "busy");

        FetchException down = assertThrows(FetchException.class, () -> fetcher.fetchPage(web.url("/down"), true));
        FetchException gone = assertThrows(FetchException.class, () -> fetcher.fetchPage(web.url("/gone"), true));

        assertTrue(down.isTransient());
        assertEquals("HTTP 503", down.getMessage());
        assertFalse(gone.isTransient());
        assertEquals(404, gone.statusCode());
    }

    @Test
    void redirectsAreFollowedAndReportTheFinalUrl() throws FetchException {
        web.serve("/new", 200, "text/html", PAGE).redirect("/old", "/new");

        FetchedPage page = fetcher.fetchPage(web.url("/old"), true);

        assertEquals(web.url("/new"), page.finalUrl());
    }

    @Test
    void aRedirectLoopIsRefused() {
        web.redirect("/a", "/b").redirect("/b", "/a");

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetchPage(web.url("/a"), true));

        assertEquals(FetchException.Category.BAD_URL, e.category());
        assertTrue(e.getMessage().startsWith("redirect loop"), e.getMessage());
        assertEquals(1, web.hits("/b"));
    }

    @Test
    void aPageWithoutCharsetInTheHeaderIsDecodedWithItsMetaCharset() throws FetchException {
        Charset cp1251 = Charset.forName("windows-1251");
        web.serveBytes("/ru", "text/html", ("<html><head><meta charset=\"windows-1251\"></head>"
                + "<body><p>Привет, мир</p></body></html>").getBytes(cp1251));

        assertEquals("Привет, мир", fetcher.fetchPage(web.url("/ru"), true).document().selectFirst("p").text());
    }

    @Test
    void anUnknownCharsetInTheHeaderFallsBackToTheDocument() throws FetchException {
        web.serve("/bogus", 200, "text/html; charset=no-such-charset", PAGE);

        assertEquals("Привет, мир", fetcher.fetchPage(web.url("/bogus"), true).document().selectFirst("p").text());
    }

    @Test
    void feedsAreParsedAsXmlWhateverTheirContentType() throws FetchException {
        web.serve("/feed", 200, "application/rss+xml", "<rss><channel><item><link>https://a.example/1</link></item>"
                + "</channel></rss>");

        FetchedPage feed = fetcher.fetchFeed(web.url("/feed"), true).orElseThrow();

        assertEquals("https://a.example/1", feed.document().selectFirst("item > link").text());
    }

    @Test
    void anUnchangedFeedAnswers304AndListsNothing() throws FetchException {
        web.serve("/feed", 200, "application/rss+xml", "<rss><channel><item><link>https://a.example/1</link></item>"
                + "</channel></rss>", Map.of("ETag", "\"v1\""));
        web.serve("/sitemap.xml", 200, "application/xml", "<urlset/>",
                Map.of("Last-Modified", "Mon, 04 Mar 2024 10:00:00 GMT"));

        assertTrue(fetcher.fetchFeed(web.url("/feed"), true).isPresent());
        assertTrue(fetcher.fetchFeed(web.url("/feed"), true).isEmpty(), "If-None-Match answered with 304");
        assertTrue(fetcher.fetchSitemap(web.url("/sitemap.xml"), true).isPresent());
        assertTrue(fetcher.fetchSitemap(web.url("/sitemap.xml"), true).isEmpty(), "If-Modified-Since answered with 304");
        assertEquals(2, web.hits("/feed"));
    }

    @Test
    void theRequestGoesToTheCheckedAddressAndTheNameIsNeverResolvedAgain() throws FetchException {
        // the policy's resolver answers 127.0.0.1 once per hop; the JDK itself cannot resolve this name at all,
        // so a fetch that resolved it again (after the politeness wait, say) would fail or go elsewhere
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        OutboundPolicy policy = OutboundPolicy.publicOnly().resolvingWith(host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        });
        Fetcher pinned = new Fetcher(new FetchSettings("newswatch-test/1.0", Duration.ofSeconds(5), MAX_BYTES,
                Duration.ZERO, 1, Duration.ofHours(1), 0, Duration.ZERO, Duration.ZERO, policy));
        web.serve("/new", 200, "text/html; charset=utf-8", PAGE).redirect("/old", "/new");
        String url = web.url("/old").replace("127.0.0.1", "rebind.invalid");

        FetchedPage page = pinned.fetchPage(url, true);

        assertEquals("Привет, мир", page.document().selectFirst("p").text());
        assertEquals(url.replace("/old", "/new"), page.finalUrl());
        assertEquals(3, lookups.get(), "robots.txt, /old and /new: each resolved once, by the policy");
        assertEquals(1, web.hits("/new"));
    }
}
