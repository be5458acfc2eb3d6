package io.newswatch.ingest.publish;

import io.newswatch.events.RawArticle;
import io.newswatch.ingest.dedupe.CanonicalUrl;
import io.newswatch.ingest.extract.ExtractedArticle;
import java.time.Instant;

/** Builds the {@link RawArticle} of an extracted page. */
public final class RawArticles {
    private RawArticles() {}

    /**
     * The article at {@code url} as published to {@code news.raw}. Its canonical URL (and so its
     * id) is the page's declared canonical URL, else {@code url}, with tracking parameters removed.
     *
     * @param fallbackPublishedAt used when the page gives no publication time (e.g. the feed's), may be null
     */
    public static RawArticle of(ExtractedArticle page, String url, String source, Instant fallbackPublishedAt,
                                Instant seenAt) {
        Instant published = page.publishedAt() != null ? page.publishedAt() : fallbackPublishedAt;
        return RawArticle.of(url, canonicalUrl(page, url), source, page.title(), page.authors(), published,
                page.modifiedAt(), seenAt, page.language(), page.text()).withLeadImage(page.leadImage());
    }

    /**
     * The canonical URL of the article: the one the page declares when usable, else {@code url}'s;
     * a URL that is not http(s) (a saved file) is kept as it is.
     */
    public static String canonicalUrl(ExtractedArticle page, String url) {
        if (page.canonicalUrl() != null) {
            try {
                return CanonicalUrl.of(page.canonicalUrl());
            } catch (IllegalArgumentException e) {
                // a broken canonical link: fall back to the URL the page came from
            }
        }
        try {
            return CanonicalUrl.of(url);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
