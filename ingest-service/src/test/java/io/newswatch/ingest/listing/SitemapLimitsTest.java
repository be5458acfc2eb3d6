package io.newswatch.ingest.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.ingest.LocalWebServer;
import io.newswatch.ingest.feed.FeedItem;
import io.newswatch.ingest.fetch.FetchSettings;
import io.newswatch.ingest.fetch.Fetcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sitemap bounds ({@code sitemap.max-bytes}, {@code sitemap.max-urls}, {@code sitemap.max-children}):
 * a zip bomb is read only up to the bound, URLs and child sitemaps past their caps are left out, and
 * each cut is reported with the source's name and the bound that cut.
 */
class SitemapLimitsTest {
    private static final int MAX_BYTES = 1_000_000;
    private static final int MAX_URLS = 100;
    private static final int MAX_CHILDREN = 2;
    private final List<String> cuts = new ArrayList<>();
    private LocalWebServer web;
    private SitemapLinks sitemaps;

    @BeforeEach
    void start() throws IOException {
        web = new LocalWebServer();
        FetchSettings settings = new FetchSettings("newswatch-test/1.0", Duration.ofSeconds(10), 5_000_000)
                .withLimits(new FetchSettings.Limits(MAX_BYTES, MAX_URLS, MAX_CHILDREN, Duration.ofHours(1), 100));
        sitemaps = new SitemapLinks(new Fetcher(settings), (source, reason) -> cuts.add(source + " " + reason));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void aGzipBombIsReadOnlyUpToTheUncompressedBoundKeepingWhatCameBefore() throws Exception {
        // 10 URLs, then 200 MB of comment (about 200 KB gzipped), then one more URL
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 10; i++) out.write(url("https://news.example/a/" + i));
            out.write("<!-- ".getBytes(StandardCharsets.UTF_8));
            byte[] padding = new byte[1 << 20];
            Arrays.fill(padding, (byte) 'a');
            for (int i = 0; i < 200; i++) out.write(padding);
            out.write(" -->".getBytes(StandardCharsets.UTF_8));
            out.write(url("https://news.example/after-the-bomb"));
            out.write("</urlset>".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(gz.size() < 1_000_000, "a small file: " + gz.size());
        web.serveBytes("/sitemap.xml.gz", "application/x-gzip", gz.toByteArray());

        long start = System.nanoTime();
        List<FeedItem> listed = sitemaps.list("bomb", web.url("/sitemap.xml.gz"), true).orElseThrow();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(10, listed.size(), urls(listed).toString());
        assertFalse(urls(listed).contains("https://news.example/after-the-bomb"));
        assertEquals(List.of("bomb max-bytes"), cuts);
        assertTrue(millis < 5_000, "stopped at the bound, took " + millis + " ms");
    }

    @Test
    void aPlainSitemapLongerThanTheBoundKeepsTheUrlsBeforeTheCut() throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (int i = 0; i < 5; i++) xml.append(new String(url("https://news.example/a/" + i), StandardCharsets.UTF_8));
        xml.append("<!-- ").append("b".repeat(MAX_BYTES)).append(" -->");
        xml.append(new String(url("https://news.example/late"), StandardCharsets.UTF_8)).append("</urlset>");
        web.serve("/sitemap.xml", 200, "application/xml", xml.toString());

        List<FeedItem> listed = sitemaps.list("plain", web.url("/sitemap.xml"), true).orElseThrow();

        assertEquals(5, listed.size(), urls(listed).toString());
        assertEquals(List.of("plain max-bytes"), cuts);
    }

    @Test
    void aSitemapWithMoreUrlsThanTheCapGivesTheFirstOnes() throws Exception {
        web.serve("/sitemap.xml", 200, "application/xml", urlset("https://news.example/a/", 250));

        List<FeedItem> listed = sitemaps.list("many", web.url("/sitemap.xml"), true).orElseThrow();

        assertEquals(MAX_URLS, listed.size());
        assertEquals("https://news.example/a/0", listed.get(0).url());
        assertEquals(List.of("many max-urls"), cuts);
    }

    @Test
    void aTextSitemapWithMoreUrlsThanTheCapGivesTheFirstOnes() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 250; i++) text.append("https://news.example/t/").append(i).append('\n');
        web.serve("/sitemap.txt", 200, "text/plain", text.toString());

        List<FeedItem> listed = sitemaps.list("text", web.url("/sitemap.txt"), true).orElseThrow();

        assertEquals(MAX_URLS, listed.size());
        assertEquals(List.of("text max-urls"), cuts);
    }

    @Test
    void anIndexIsFollowedToItsNewestChildrenUpToTheCap() throws Exception {
        StringBuilder index = new StringBuilder("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (int i = 0; i < 5; i++) {
            web.serve("/child-" + i + ".xml", 200, "application/xml", urlset("https://news.example/c" + i + "/", 3));
            index.append("<sitemap><loc>").append(web.url("/child-" + i + ".xml")).append("</loc><lastmod>2024-03-0")
                    .append(i + 1).append("</lastmod></sitemap>");
        }
        web.serve("/index.xml", 200, "application/xml", index.append("</sitemapindex>").toString());

        List<FeedItem> listed = sitemaps.list("index", web.url("/index.xml"), true).orElseThrow();

        assertEquals(MAX_CHILDREN * 3, listed.size());
        assertEquals(1, web.hits("/child-4.xml"));
        assertEquals(1, web.hits("/child-3.xml"));
        assertEquals(0, web.hits("/child-2.xml") + web.hits("/child-1.xml") + web.hits("/child-0.xml"));
        assertEquals(List.of("index max-children"), cuts);
    }

    @Test
    void oneWalkOfAnIndexTakesAtMostTheUrlCapInAll() throws Exception {
        web.serve("/a.xml", 200, "application/xml", urlset("https://news.example/a/", 70));
        web.serve("/b.xml", 200, "application/xml", urlset("https://news.example/b/", 70));
        web.serve("/index.xml", 200, "application/xml", "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<sitemap><loc>" + web.url("/a.xml") + "</loc><lastmod>2024-03-02</lastmod></sitemap>"
                + "<sitemap><loc>" + web.url("/b.xml") + "</loc><lastmod>2024-03-01</lastmod></sitemap></sitemapindex>");

        List<FeedItem> listed = sitemaps.list("walk", web.url("/index.xml"), true).orElseThrow();

        assertEquals(MAX_URLS, listed.size());
        assertEquals(70, urls(listed).stream().filter(u -> u.contains("/a/")).count());
        assertEquals(List.of("walk max-urls"), cuts);
    }

    @Test
    void aSitemapWithinEveryBoundIsNotReportedAsCut() throws Exception {
        web.serveBytes("/ok.xml.gz", "application/x-gzip", gzip(urlset("https://news.example/ok/", MAX_URLS)));

        assertEquals(MAX_URLS, sitemaps.list("fine", web.url("/ok.xml.gz"), true).orElseThrow().size());
        assertEquals(List.of(), cuts);
    }

    private static byte[] url(String loc) {
        return ("<url><loc>" + loc + "</loc></url>\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String urlset(String prefix, int count) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (int i = 0; i < count; i++) xml.append(new String(url(prefix + i), StandardCharsets.UTF_8));
        return xml.append("</urlset>").toString();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static List<String> urls(List<FeedItem> items) {
        return items.stream().map(FeedItem::url).toList();
    }
}
