package io.newswatch.ingest.listing;

/** Told when a bound ({@code sitemap.*}) cut a source's sitemap short, once per bound and listing. */
@FunctionalInterface
public interface SitemapCuts {
    /** Nobody is told (the cut is still logged). */
    SitemapCuts NONE = (source, reason) -> { };

    /**
     * @param source the source whose sitemap was cut
     * @param reason {@code max-bytes}, {@code max-urls} or {@code max-children}
     */
    void cut(String source, String reason);
}
