package io.newswatch.ingest.fetch;

/**
 * A fetched sitemap, as the bytes the server sent (maybe gzip-compressed: the sitemap parser
 * unpacks {@code .gz} by content type or name).
 *
 * @param finalUrl    the URL after redirects
 * @param contentType the Content-Type the server sent, or empty
 * @param body        the body, cut at {@code fetch.max-body-bytes} (after undoing a gzip Content-Encoding;
 *                    a gzip-compressed {@code .gz} file is still compressed here)
 * @param truncated   true when the body was cut at {@code fetch.max-body-bytes}
 */
public record FetchedSitemap(String finalUrl, String contentType, byte[] body, boolean truncated) {
}
