package io.newswatch.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    @Test
    void rss2ItemsGiveLinkGuidTitleAndPubDate() {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
                <channel><title>News</title><link>https://news.example/</link>
                  <atom:link href="https://news.example/feed" rel="self"/>
                  <item><title>First &amp; foremost</title><link>https://news.example/a/1</link>
                    <guid isPermaLink="false">id-1</guid><pubDate>Tue, 05 Mar 2024 09:30:00 +0000</pubDate></item>
                  <item><title>Only a guid</title><guid>https://news.example/a/2</guid>
                    <dc:date>2024-03-06T10:00:00Z</dc:date></item>
                  <item><title>Relative</title><link>/a/3</link></item>
                  <item><title>Duplicate</title><link>https://news.example/a/1</link></item>
                  <item><title>No link</title><guid isPermaLink="false">x</guid></item>
                </channel></rss>
                """;

        List<FeedItem> items = FeedParser.parse(rss, "https://news.example/feed");

        assertEquals(List.of(
                new FeedItem("https://news.example/a/1", "id-1", "First & foremost", Instant.parse("2024-03-05T09:30:00Z")),
                new FeedItem("https://news.example/a/2", "https://news.example/a/2", "Only a guid",
                        Instant.parse("2024-03-06T10:00:00Z")),
                new FeedItem("https://news.example/a/3", null, "Relative", null)), items);
    }

    @Test
    void atomEntriesGiveTheAlternateLinkAndPublishedOrUpdated() {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/posts/">
                  <title>Blog</title><link rel="self" href="https://blog.example/atom.xml"/>
                  <entry><title>One</title><id>tag:blog.example,2024:1</id>
                    <link rel="edit" href="https://blog.example/edit/1"/>
                    <link rel="alternate" type="text/html" href="one.html"/>
                    <published>2024-02-01T12:00:00+01:00</published><updated>2024-02-02T00:00:00Z</updated></entry>
                  <entry><title>Two</title><id>tag:blog.example,2024:2</id>
                    <link href="https://blog.example/posts/two.html"/>
                    <updated>2024-02-03T00:00:00Z</updated></entry>
                </feed>
                """;

        List<FeedItem> items = FeedParser.parse(atom, "https://blog.example/atom.xml");

        assertEquals(2, items.size());
        assertEquals("https://blog.example/posts/one.html", items.get(0).url());
        assertEquals(Instant.parse("2024-02-01T11:00:00Z"), items.get(0).publishedAt());
        assertEquals("tag:blog.example,2024:1", items.get(0).guid());
        assertEquals("https://blog.example/posts/two.html", items.get(1).url());
        assertEquals(Instant.parse("2024-02-03T00:00:00Z"), items.get(1).publishedAt());
    }

    @Test
    void rss1RdfItemsAreRead() {
        String rdf = """
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
                  <channel><title>Old</title><link>https://old.example/</link></channel>
                  <item><title>Classic</title><link>https://old.example/c</link></item>
                </rdf:RDF>
                """;

        List<FeedItem> items = FeedParser.parse(rdf, "https://old.example/rss");

        assertEquals("https://old.example/c", items.get(0).url());
        assertNull(items.get(0).publishedAt());
    }
}
