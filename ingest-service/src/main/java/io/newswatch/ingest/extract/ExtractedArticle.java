package io.newswatch.ingest.extract;

import io.newswatch.events.LeadImage;
import java.time.Instant;
import java.util.List;

/**
 * What {@link ArticleExtractor} found in a page. Every field but {@code text} and
 * {@code authors} may be null when the page does not say.
 *
 * @param title        the headline, site-name suffix removed; empty when none was found
 * @param authors      bylines in page order, possibly empty
 * @param publishedAt  publication time, or null
 * @param modifiedAt   last modification time, or null
 * @param canonicalUrl the canonical URL the page declares (absolute), or null
 * @param language     the declared language as a BCP 47 primary tag ("en", "hy"), or null
 * @param text         the article body: one paragraph per line, whitespace normalised; empty when none
 * @param leadImage    the image the page leads with and its caption, or null
 */
public record ExtractedArticle(String title, List<String> authors, Instant publishedAt, Instant modifiedAt,
                               String canonicalUrl, String language, String text, LeadImage leadImage) {

    public ExtractedArticle {
        title = title == null ? "" : title;
        authors = authors == null ? List.of() : List.copyOf(authors);
        text = text == null ? "" : text;
    }

    /** True when no article body was found. */
    public boolean hasNoText() {
        return text.isBlank();
    }
}
