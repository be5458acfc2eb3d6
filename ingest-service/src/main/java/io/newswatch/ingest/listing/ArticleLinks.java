package io.newswatch.ingest.listing;

import io.newswatch.ingest.feed.FeedItem;
import io.newswatch.ingest.feed.FeedParser;
import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.fetch.FetchedPage;
import io.newswatch.ingest.fetch.Fetcher;
import io.newswatch.ingest.source.Source;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Lists the article links a source offers now, whatever its type: feed entries, sitemap URLs,
 * matching links of a section page, the single URL of a page source, the saved pages of a folder.
 */
public final class ArticleLinks {
    private final Fetcher fetcher;
    private final SitemapLinks sitemaps;

    public ArticleLinks(Fetcher fetcher) {
        this(fetcher, SitemapCuts.NONE);
    }

    /** A lister that tells {@code cuts} when a bound ({@code sitemap.*}) cut a sitemap short. */
    public ArticleLinks(Fetcher fetcher, SitemapCuts cuts) {
        this.fetcher = fetcher;
        this.sitemaps = new SitemapLinks(fetcher, cuts);
    }

    /**
     * The article links of {@code source}; empty when its listing has not changed since the last
     * call (a 304 to a conditional request).
     *
     * @throws FetchException when the listing cannot be fetched
     * @throws IOException    when a local folder cannot be read
     */
    public Optional<List<FeedItem>> list(Source source) throws FetchException, IOException {
        String url = source.url().toString();
        switch (source.type()) {
            case FEED:
                Optional<FetchedPage> feed = fetcher.fetchFeed(url, source.allowPrivate());
                return feed.map(f -> FeedParser.parse(f.document(), f.finalUrl()));
            case SITEMAP:
                return sitemaps.list(source.name(), url, source.allowPrivate());
            case SECTION:
                FetchedPage section = fetcher.fetchPage(url, source.allowPrivate());
                return Optional.of(SectionLinks.matching(section.document(), source.links()));
            case PAGE:
                return Optional.of(List.of(new FeedItem(url, null, "", null)));
            case FILES:
                return Optional.of(LocalPages.list(source.url()));
            default:
                throw new IllegalStateException("no lister for source type " + source.type());
        }
    }
}
