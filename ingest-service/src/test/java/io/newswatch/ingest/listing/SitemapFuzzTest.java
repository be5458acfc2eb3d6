package io.newswatch.ingest.listing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.ingest.LocalWebServer;
import io.newswatch.ingest.feed.FeedItem;
import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.fetch.FetchSettings;
import io.newswatch.ingest.fetch.Fetcher;
import io.newswatch.ingest.hostile.Bounded;
import io.newswatch.ingest.hostile.Mutations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Assertions;

/**
 * Sitemap handling on mutated sitemaps and sitemap indexes served by a loopback server, plain and
 * gzip-compressed: {@link SitemapLinks#list} lists http(s) URLs or fails with a
 * {@link FetchException}; nothing else escapes and nothing hangs.
 */
class SitemapFuzzTest {
    private static final AtomicInteger PATHS = new AtomicInteger();
    private static LocalWebServer web;
    private static SitemapLinks sitemaps;

    @BeforeContainer
    static void start() throws IOException {
        web = new LocalWebServer();
        web.serve("/child.xml", 200, "application/xml", urlset());
        sitemaps = new SitemapLinks(new Fetcher(new FetchSettings("newswatch-test/1.0", Duration.ofSeconds(5), 1_000_000)));
    }

    @AfterContainer
    static void stop() {
        web.close();
    }

    @Property
    void mutatedSitemapsListUrlsOrFailWithAFetchException(@ForAll boolean index, @ForAll boolean gzip,
                                                          @ForAll("edits") List<Mutations.Mutation> edits) throws Exception {
        String xml = Mutations.apply(index ? sitemapIndex() : urlset(), edits);
        String path = "/sitemap-" + PATHS.incrementAndGet() + (gzip ? ".xml.gz" : ".xml"); // a new path: no 304
        if (gzip) web.serveBytes(path, "application/x-gzip", gzip(xml));
        else web.serve(path, 200, "application/xml", xml);

        Optional<List<FeedItem>> listed = Bounded.call(() -> {
            try {
                return sitemaps.list(web.url(path), true);
            } catch (FetchException e) {
                return Optional.<List<FeedItem>>empty(); // declared: an unreadable sitemap is reported so
            }
        });

        for (FeedItem item : listed.orElse(List.of())) {
            // an odd character in a host (U+2028) passes java.net.URL; the ingester then refuses it as a bad URL
            assertTrue(item.url().matches("(?is)^https?://.+"), item.url());
            Assertions.assertNotNull(item.title());
        }
    }

    @Provide
    Arbitrary<List<Mutations.Mutation>> edits() {
        return Mutations.mutations();
    }

    private static String urlset() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                <url><loc>https://news.example/a/1</loc><lastmod>2024-03-05T05:30:00Z</lastmod>
                  <news:news><news:publication><news:name>News</news:name><news:language>en</news:language>
                  </news:publication><news:publication_date>2024-03-05T05:30:00+00:00</news:publication_date>
                  <news:title>Talks &amp; more</news:title></news:news></url>
                <url><loc>https://news.example/a/2?x=1&amp;y=2</loc><lastmod>2024-03-05</lastmod></url>
                <url><loc>/relative</loc></url>
                </urlset>""";
    }

    private static String sitemapIndex() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>%s</loc><lastmod>2024-03-05T05:30:00Z</lastmod></sitemap>
                <sitemap><loc>%s</loc></sitemap>
                </sitemapindex>""".formatted(web.url("/child.xml"), web.url("/missing.xml"));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
