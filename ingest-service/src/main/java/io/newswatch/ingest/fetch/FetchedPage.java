package io.newswatch.ingest.fetch;

import org.jsoup.nodes.Document;

/**
 * A fetched page or feed.
 *
 * @param requestedUrl the URL asked for
 * @param finalUrl     the URL after redirects
 * @param contentType  the Content-Type the server sent, or empty
 * @param document     the parsed body (HTML for pages, XML for feeds), decoded with the declared charset
 * @param truncated    true when the body was cut at {@code fetch.max-body-bytes}
 */
public record FetchedPage(String requestedUrl, String finalUrl, String contentType, Document document,
                          boolean truncated) {
}
