package io.newswatch.events;

import java.time.Instant;
import java.util.List;

/**
 * An article as ingest-service extracted it, published to {@code news.raw}.
 *
 * @param schemaVersion version of this shape; readers ignore fields they do not know
 * @param id            {@link ArticleId} of the canonical URL
 * @param url           the URL it was fetched from
 * @param canonicalUrl  the canonical URL (tracking parameters and fragments removed)
 * @param source        the source it came from (a name from the sources file, or the host)
 * @param title         the headline
 * @param authors       bylines, possibly empty
 * @param publishedAt   publication time from the page, or null when the page does not say
 * @param modifiedAt    last modification time from the page, or null
 * @param firstSeenAt   when newswatch first saw the article; never changes for an article
 * @param fetchedAt     when this copy was fetched
 * @param language      language declared by the page (BCP 47 primary tag), or null
 * @param text          article body, paragraphs separated by newlines, capped at {@link #MAX_TEXT_CHARS}
 * @param textLength    length of the body before the cap, in chars
 * @param leadImage     the image the page leads with and its caption, or null
 * @param otherUrls     other pages carrying the same story (syndicated or exact copies), possibly empty
 */
public record RawArticle(
        int schemaVersion,
        String id,
        String url,
        String canonicalUrl,
        String source,
        String title,
        List<String> authors,
        Instant publishedAt,
        Instant modifiedAt,
        Instant firstSeenAt,
        Instant fetchedAt,
        String language,
        String text,
        int textLength,
        LeadImage leadImage,
        List<String> otherUrls) {

    public static final int SCHEMA_VERSION = 1;
    /** Kafka's default maximum message is about 1 MB; UTF-8 text of this many chars stays well under it. */
    public static final int MAX_TEXT_CHARS = 200_000;

    public RawArticle {
        schemaVersion = Require.schemaVersion(schemaVersion);
        Require.text(id, "RawArticle.id");
        Require.text(url, "RawArticle.url");
        canonicalUrl = canonicalUrl == null || canonicalUrl.isBlank() ? url : canonicalUrl;
        Require.text(source, "RawArticle.source");
        title = title == null ? "" : title;
        authors = Require.list(authors);
        Require.present(firstSeenAt, "RawArticle.firstSeenAt");
        fetchedAt = fetchedAt == null ? firstSeenAt : fetchedAt;
        Require.present(text, "RawArticle.text");
        textLength = Math.max(textLength, text.length());
        otherUrls = Require.list(otherUrls);
        if (text.length() > MAX_TEXT_CHARS) {
            text = text.substring(0, MAX_TEXT_CHARS);
        }
    }

    /** A new article, with the id derived from its canonical URL and the text capped. */
    public static RawArticle of(String url, String canonicalUrl, String source, String title,
                                List<String> authors, Instant publishedAt, Instant modifiedAt,
                                Instant seenAt, String language, String text) {
        String canonical = canonicalUrl == null || canonicalUrl.isBlank() ? url : canonicalUrl;
        return new RawArticle(SCHEMA_VERSION, ArticleId.of(canonical), url, canonical, source, title,
                authors, publishedAt, modifiedAt, seenAt, seenAt, language, text, text.length(), null, List.of());
    }

    /** True when {@link #text} was cut at {@link #MAX_TEXT_CHARS}. */
    public boolean textTruncated() {
        return textLength > text.length();
    }

    /** A copy that keeps the first-seen time of an earlier copy of the same article. */
    public RawArticle withFirstSeenAt(Instant earlier) {
        return new RawArticle(schemaVersion, id, url, canonicalUrl, source, title, authors, publishedAt,
                modifiedAt, earlier, fetchedAt, language, text, textLength, leadImage, otherUrls);
    }

    /** A copy with the page's lead image. */
    public RawArticle withLeadImage(LeadImage image) {
        return new RawArticle(schemaVersion, id, url, canonicalUrl, source, title, authors, publishedAt,
                modifiedAt, firstSeenAt, fetchedAt, language, text, textLength, image, otherUrls);
    }

    /** A copy listing the other pages that carry the same story. */
    public RawArticle withOtherUrls(List<String> urls) {
        return new RawArticle(schemaVersion, id, url, canonicalUrl, source, title, authors, publishedAt,
                modifiedAt, firstSeenAt, fetchedAt, language, text, textLength, leadImage, urls);
    }
}
