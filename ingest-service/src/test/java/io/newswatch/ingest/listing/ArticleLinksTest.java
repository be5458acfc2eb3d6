package io.newswatch.ingest.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.ingest.LocalWebServer;
import io.newswatch.ingest.feed.FeedItem;
import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.fetch.FetchSettings;
import io.newswatch.ingest.fetch.Fetcher;
import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.SourceType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every source type lists its article links, against a real server on loopback or a real folder. */
class ArticleLinksTest {
    private final ArticleLinks links = new ArticleLinks(
            new Fetcher(new FetchSettings("newswatch-test/1.0", Duration.ofSeconds(5), 1_000_000)));
    private LocalWebServer web;

    @TempDir
    Path dir;

    @BeforeEach
    void startServer() throws IOException {
        web = new LocalWebServer();
    }

    @AfterEach
    void stopServer() {
        web.close();
    }

    @Test
    void aNewsSitemapIndexListsTheUrlsOfItsSitemapsWithNewsTitlesAndDates() throws Exception {
        web.serve("/sitemap-index.xml", 200, "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%s</loc><lastmod>2024-03-05T10:00:00Z</lastmod></sitemap>
                  <sitemap><loc>%s</loc><lastmod>2024-03-04T10:00:00Z</lastmod></sitemap>
                </sitemapindex>""".formatted(web.url("/news.xml"), web.url("/older.xml.gz")), Map.of("ETag", "\"i1\""));
        web.serve("/news.xml", 200, "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url><loc>%s</loc>
                    <news:news><news:publication><news:name>Sample</news:name><news:language>en</news:language>
                      </news:publication><news:publication_date>2024-03-05T08:00:00Z</news:publication_date>
                      <news:title>Border talks resume</news:title></news:news></url>
                </urlset>""".formatted(web.url("/a/1")));
        web.serveBytes("/older.xml.gz", "application/x-gzip", gzip("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%s</loc><lastmod>2024-03-04T07:00:00Z</lastmod></url>
                </urlset>""".formatted(web.url("/a/2"))));
        Source source = source(SourceType.SITEMAP, web.url("/sitemap-index.xml"), null);

        List<FeedItem> items = links.list(source).orElseThrow();

        assertEquals(List.of(new FeedItem(web.url("/a/1"), null, "Border talks resume", Instant.parse("2024-03-05T08:00:00Z")),
                new FeedItem(web.url("/a/2"), null, "", Instant.parse("2024-03-04T07:00:00Z"))), items);
        assertTrue(links.list(source).isEmpty(), "an unchanged index (304) lists nothing");
    }

    @Test
    void aSectionPageListsTheLinksMatchingItsPatternOnce() throws Exception {
        web.serve("/politics/", 200, "text/html", """
                <html><body><nav><a href="/">Home</a><a href="/about">About</a></nav>
                <a href="/en/news/1201/border-talks">Border talks</a>
                <a href="/en/news/1201/border-talks#comments">12 comments</a>
                <a href="https://other.example/en/news/77/x">Elsewhere</a>
                <a href="/en/news/1202/rail-link?utm_source=home">Rail link</a>
                <a href="/en/video/1203">A video</a></body></html>""");
        Source source = source(SourceType.SECTION, web.url("/politics/"), "/en/news/\\d+/");

        List<String> urls = links.list(source).orElseThrow().stream().map(FeedItem::url).toList();

        assertEquals(List.of(web.url("/en/news/1201/border-talks"), "https://other.example/en/news/77/x",
                web.url("/en/news/1202/rail-link?utm_source=home")), urls);
    }

    @Test
    void aPageSourceListsItsOwnUrl() throws Exception {
        Source source = source(SourceType.PAGE, "https://civil.ge/archives/1", null);

        assertEquals(List.of("https://civil.ge/archives/1"),
                links.list(source).orElseThrow().stream().map(FeedItem::url).toList());
    }

    @Test
    void aFilesSourceListsTheSavedPagesOfAFolderAndItsSubfolders() throws Exception {
        Files.createDirectories(dir.resolve("2024/03"));
        Files.writeString(dir.resolve("b.html"), "<p>b</p>");
        Files.write(dir.resolve("2024/03/a.html.gz"), gzip("<p>a</p>"));
        Files.writeString(dir.resolve("notes.txt"), "not a page");
        Files.writeString(dir.resolve("c.htm"), "<p>c</p>");
        Source source = new Source("archive", SourceType.FILES, dir.toUri(), Duration.ofHours(1), false);

        List<String> urls = links.list(source).orElseThrow().stream().map(FeedItem::url).toList();

        assertEquals(List.of(dir.resolve("2024/03/a.html.gz").toUri().toString(), dir.resolve("b.html").toUri().toString(),
                dir.resolve("c.htm").toUri().toString()), urls);
    }

    @Test
    void somethingThatIsNotASitemapFailsWithTheReason() {
        web.serve("/sitemap.xml", 200, "text/html", "<html><body>Not a sitemap</body></html>");
        Source source = source(SourceType.SITEMAP, web.url("/sitemap.xml"), null);

        FetchException e = org.junit.jupiter.api.Assertions.assertThrows(FetchException.class, () -> links.list(source));

        assertEquals(FetchException.Category.UNREADABLE, e.category());
    }

    private static Source source(SourceType type, String url, String linkPattern) {
        return new Source("test", type, URI.create(url), Duration.ofHours(1), true, linkPattern);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
