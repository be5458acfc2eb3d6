package io.newswatch.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.ingest.LocalWebServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** robots.txt, crawl-delay, host spacing and retries, against a real server on loopback. */
class PolitenessTest {
    private static final String PAGE = "<html><head><title>Hello</title></head><body><p>text</p></body></html>";
    private static final long MILLIS = 1_000_000;

    private LocalWebServer web;

    @BeforeEach
    void startServer() throws IOException {
        web = new LocalWebServer();
        web.serve("/a", 200, "text/html", PAGE).serve("/b", 200, "text/html", PAGE);
    }

    @AfterEach
    void stopServer() {
        web.close();
    }

    @Test
    void robotsTxtDisallowIsObeyedForOurAgentAndReadOncePerHost() throws FetchException {
        web.serve("/robots.txt", 200, "text/plain", """
                User-agent: *
                Disallow: /private/

                User-agent: newswatch-test
                Disallow: /drafts/
                """);
        Fetcher fetcher = fetcher(Duration.ZERO, 0);

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetchPage(web.url("/drafts/story"), true));

        assertEquals(FetchException.Category.ROBOTS_DISALLOWED, e.category());
        assertFalse(e.isTransient());
        assertEquals(0, web.hits("/drafts/story"));
        assertEquals("Hello", fetcher.fetchPage(web.url("/a"), true).document().title());
        assertEquals("Hello", fetcher.fetchPage(web.url("/b"), true).document().title());
        assertEquals(1, web.hits("/robots.txt"));
    }

    @Test
    void aMissingRobotsTxtAllowsEverything() throws FetchException {
        assertEquals("Hello", fetcher(Duration.ZERO, 0).fetchPage(web.url("/a"), true).document().title());
    }

    @Test
    void anUnavailableRobotsTxtDefersTheHostsPagesWithoutAskingForEachPage() {
        web.serve("/robots.txt", 503, "text/plain", "down");
        Fetcher fetcher = fetcher(Duration.ZERO, 0);

        FetchException a = assertThrows(FetchException.class, () -> fetcher.fetchPage(web.url("/a"), true));
        FetchException b = assertThrows(FetchException.class, () -> fetcher.fetchPage(web.url("/b"), true));

        assertTrue(a.isTransient() && b.isTransient());
        assertTrue(b.getMessage().startsWith("robots.txt unavailable"), b.getMessage());
        assertEquals(0, web.hits("/a") + web.hits("/b"));
        assertEquals(1, web.hits("/robots.txt"));
    }

    @Test
    void crawlDelayOfRobotsTxtSpacesRequestsToTheHost() throws FetchException {
        web.serve("/robots.txt", 200, "text/plain", "User-agent: *\nCrawl-delay: 1\n");
        Fetcher fetcher = fetcher(Duration.ZERO, 0);

        fetcher.fetchPage(web.url("/a"), true);
        fetcher.fetchPage(web.url("/b"), true);

        long gap = web.hitTimes("/b").get(0) - web.hitTimes("/a").get(0);
        assertTrue(gap >= 950 * MILLIS, "requests " + gap / MILLIS + " ms apart, crawl-delay is 1 s");
    }

    @Test
    void theConfiguredHostDelayAppliesWithoutCrawlDelay() throws FetchException {
        Fetcher fetcher = fetcher(Duration.ofMillis(300), 0);

        fetcher.fetchPage(web.url("/a"), true);
        fetcher.fetchPage(web.url("/b"), true);

        long gap = web.hitTimes("/b").get(0) - web.hitTimes("/a").get(0);
        assertTrue(gap >= 280 * MILLIS, "requests " + gap / MILLIS + " ms apart, fetch.host-delay is 300 ms");
    }

    @Test
    void a503IsRetriedThenSucceeds() throws FetchException {
        web.serveFirst("/a", 503, Map.of()).serveFirst("/a", 503, Map.of());

        FetchedPage page = fetcher(Duration.ZERO, 3).fetchPage(web.url("/a"), true);

        assertEquals("Hello", page.document().title());
        assertEquals(3, web.hits("/a"));
    }

    @Test
    void retriesGiveUpAfterTheConfiguredNumber() {
        web.serve("/down", 500, "text/html", "broken");

        FetchException e = assertThrows(FetchException.class, () -> fetcher(Duration.ZERO, 2).fetchPage(web.url("/down"), true));

        assertTrue(e.isTransient());
        assertEquals(3, web.hits("/down"));
    }

    @Test
    void a404IsNotRetried() {
        FetchException e = assertThrows(FetchException.class, () -> fetcher(Duration.ZERO, 3).fetchPage(web.url("/gone"), true));

        assertEquals(404, e.statusCode());
        assertEquals(1, web.hits("/gone"));
    }

    @Test
    void retryAfterOfA429IsHonoured() throws FetchException {
        web.serveFirst("/a", 429, Map.of("Retry-After", "1"));

        fetcher(Duration.ZERO, 3).fetchPage(web.url("/a"), true);

        List<Long> hits = web.hitTimes("/a");
        assertEquals(2, hits.size());
        assertTrue(hits.get(1) - hits.get(0) >= 950 * MILLIS, "retried " + (hits.get(1) - hits.get(0)) / MILLIS + " ms later");
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitLeavesThePageForLater() {
        web.serveFirst("/a", 503, Map.of("Retry-After", "3600"));

        FetchException e = assertThrows(FetchException.class, () -> fetcher(Duration.ZERO, 3).fetchPage(web.url("/a"), true));

        assertEquals(Duration.ofHours(1), e.retryAfter());
        assertEquals(1, web.hits("/a"));
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUpToTheCap() {
        Retrier retrier = new Retrier(10, Duration.ofMillis(100), Duration.ofSeconds(1));

        for (int i = 0; i < 20; i++) {
            Duration first = retrier.waitBefore(0, null);
            Duration third = retrier.waitBefore(2, null);
            Duration late = retrier.waitBefore(9, null);
            assertTrue(first.toMillis() >= 50 && first.toMillis() <= 100, first.toString());
            assertTrue(third.toMillis() >= 200 && third.toMillis() <= 400, third.toString());
            assertTrue(late.toMillis() >= 500 && late.toMillis() <= 1000, late.toString());
        }
        assertEquals(Duration.ofSeconds(7), retrier.waitBefore(0, Duration.ofSeconds(7)));
    }

    private static Fetcher fetcher(Duration hostDelay, int retries) {
        return new Fetcher(new FetchSettings("newswatch-test/1.0 (+https://example.org/bot)", Duration.ofSeconds(5),
                100_000, hostDelay, 2, Duration.ofHours(1), retries, Duration.ofMillis(10), Duration.ofSeconds(5)));
    }
}
