package io.newswatch.ingest.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.ingest.feed.FeedItem;
import io.newswatch.ingest.feed.FeedParser;
import java.net.URI;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The feed parser on mutated RSS 2.0, RSS 1.0 (RDF) and Atom: no exception, no hang, and every
 * item it lists has an absolute http(s) URL, listed once.
 */
class FeedParserFuzzTest {
    private static final String FEED_URL = "https://news.example/feeds/main.xml";
    private static final List<String> FEEDS = List.of(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel><title>News &amp; views</title><link>https://news.example/</link>
            <item><title>Talks resume &#8212; again</title><link>https://news.example/a/1</link>
              <guid isPermaLink="false">tag:news.example,2024:1</guid><pubDate>Tue, 05 Mar 2024 05:30:00 GMT</pubDate>
              <description><![CDATA[<p>Negotiators met <b>today</b>.</p>]]></description></item>
            <item><title>Second</title><guid>https://news.example/a/2</guid><dc:date>2024-03-05T06:00:00+04:00</dc:date></item>
            <item><title>Relative</title><atom:link href="/a/3"/><pubDate>not a date</pubDate></item>
            </channel></rss>""",
            """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <item rdf:about="https://news.example/a/4"><title>RDF item</title><link>https://news.example/a/4</link></item>
            </rdf:RDF>""",
            """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example/blog/">
            <entry><title type="html">Atom &lt;b&gt;entry&lt;/b&gt;</title><link rel="alternate" href="posts/5"/>
              <id>urn:uuid:1</id><published>2024-03-05T05:30:00Z</published></entry>
            <entry xml:base="../other/"><title>Based</title><link href="6"/><updated>2024-03-06</updated></entry>
            </feed>""");

    @Property
    void mutatedFeedsListOnlyAbsoluteUniqueLinks(@ForAll("feedIndex") int feed,
                                                 @ForAll("edits") List<Mutations.Mutation> edits) throws Exception {
        String xml = Mutations.apply(FEEDS.get(feed), edits);

        List<FeedItem> items = Bounded.call(() -> FeedParser.parse(xml, FEED_URL));

        for (FeedItem item : items) {
            URI url = URI.create(item.url());
            assertTrue(url.getScheme().matches("(?i)https?") && url.getHost() != null, item.url());
            assertNotNull(item.title());
        }
        assertEquals(items.size(), items.stream().map(FeedItem::url).distinct().count(), "a link listed twice");
    }

    @Provide
    Arbitrary<Integer> feedIndex() {
        return Arbitraries.integers().between(0, FEEDS.size() - 1);
    }

    @Provide
    Arbitrary<List<Mutations.Mutation>> edits() {
        return Mutations.mutations();
    }
}
