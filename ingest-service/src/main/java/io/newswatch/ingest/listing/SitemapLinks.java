package io.newswatch.ingest.listing;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.newswatch.ingest.feed.FeedItem;
import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.fetch.FetchedSitemap;
import io.newswatch.ingest.fetch.Fetcher;
import java.io.IOException;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists the URLs of a sitemap (crawler-commons), with the title and publication date of the
 * {@code news:} extension when present. A sitemap index is followed one level down to its
 * {@value #MAX_CHILDREN} most recently modified sitemaps; every sitemap is fetched conditionally,
 * so an unchanged one costs a 304 and lists nothing. A child that fails is skipped (and fetched in
 * full next time); the listing fails only when every child failed.
 */
final class SitemapLinks {
    static final int MAX_CHILDREN = 10;
    private final Fetcher fetcher;

    SitemapLinks(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** The URLs listed by the sitemap at {@code url}; empty when it (and so its children) did not change. */
    Optional<List<FeedItem>> list(String url, boolean allowPrivate) throws FetchException {
        Optional<AbstractSiteMap> sitemap = read(url, allowPrivate);
        if (sitemap.isEmpty()) return Optional.empty();
        if (!sitemap.get().isIndex()) return Optional.of(items((SiteMap) sitemap.get()));
        Map<String, FeedItem> items = new LinkedHashMap<>();
        FetchException childFailure = null;
        for (AbstractSiteMap child : newestChildren((SiteMapIndex) sitemap.get())) {
            try {
                Optional<AbstractSiteMap> read = read(child.getUrl().toString(), allowPrivate);
                if (read.isPresent() && !read.get().isIndex()) {
                    items((SiteMap) read.get()).forEach(i -> items.putIfAbsent(i.url(), i));
                }
            } catch (FetchException e) {
                childFailure = e; // the other sitemaps still count; this one is fetched again next poll
            }
        }
        if (items.isEmpty() && childFailure != null) throw childFailure;
        return Optional.of(List.copyOf(items.values()));
    }

    private Optional<AbstractSiteMap> read(String url, boolean allowPrivate) throws FetchException {
        Optional<FetchedSitemap> fetched = fetcher.fetchSitemap(url, allowPrivate);
        if (fetched.isEmpty()) return Optional.empty();
        try {
            return Optional.of(parser().parseSiteMap(fetched.get().contentType(), fetched.get().body(),
                    new URL(fetched.get().finalUrl())));
        } catch (UnknownFormatException | IOException e) {
            throw FetchException.unreadable(url, "not a sitemap: " + e.getMessage());
        }
    }

    /** A new parser per sitemap: crawler-commons' parser is not documented as thread-safe. */
    private static SiteMapParser parser() {
        SiteMapParser parser = new SiteMapParser(false);
        parser.enableExtension(Extension.NEWS);
        return parser;
    }

    private static List<AbstractSiteMap> newestChildren(SiteMapIndex index) {
        Comparator<AbstractSiteMap> newestFirst = Comparator.comparing(AbstractSiteMap::getLastModified,
                Comparator.nullsLast(Comparator.<Date>reverseOrder()));
        return index.getSitemaps().stream().sorted(newestFirst).limit(MAX_CHILDREN).toList();
    }

    private static List<FeedItem> items(SiteMap sitemap) {
        List<FeedItem> items = new ArrayList<>();
        for (SiteMapURL entry : sitemap.getSiteMapUrls()) {
            if (entry.getUrl() == null) continue;
            NewsAttributes news = news(entry);
            String title = news == null || news.getTitle() == null ? "" : news.getTitle();
            Date date = news != null && news.getPublicationDate() != null ? news.getPublicationDate()
                    : entry.getLastModified();
            Instant published = date == null ? null : date.toInstant();
            items.add(new FeedItem(entry.getUrl().toString(), null, title, published));
        }
        return items;
    }

    private static NewsAttributes news(SiteMapURL entry) {
        ExtensionMetadata[] attributes = entry.getAttributesForExtension(Extension.NEWS);
        return attributes != null && attributes.length > 0 && attributes[0] instanceof NewsAttributes n ? n : null;
    }
}
