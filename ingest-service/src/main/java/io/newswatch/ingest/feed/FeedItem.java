package io.newswatch.ingest.feed;

import java.time.Instant;

/**
 * One entry of a feed.
 *
 * @param url         the article's absolute URL
 * @param guid        the feed's id for the entry, or null
 * @param title       the entry's title, or empty
 * @param publishedAt when the feed says it was published (or updated), or null
 */
public record FeedItem(String url, String guid, String title, Instant publishedAt) {
}
