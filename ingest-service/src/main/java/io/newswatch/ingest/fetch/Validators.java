package io.newswatch.ingest.fetch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ETag and Last-Modified each feed or sitemap URL last answered with, sent back as
 * If-None-Match / If-Modified-Since so an unchanged listing costs a 304. Kept in memory: after a
 * restart a listing is read once in full, and what it lists is already known. Thread-safe.
 */
final class Validators {
    private final Map<String, Validator> byUrl = new ConcurrentHashMap<>();

    private record Validator(String etag, String lastModified) {}

    /** Adds the conditional headers for {@code url}, if it answered with validators before. */
    void addTo(Map<String, String> headers, String url) {
        Validator v = byUrl.get(url);
        if (v == null) return;
        if (v.etag() != null) headers.put("If-None-Match", v.etag());
        if (v.lastModified() != null) headers.put("If-Modified-Since", v.lastModified());
    }

    /** Remembers the validators of a full answer for {@code url}. */
    void remember(String url, Answer response) {
        String etag = response.header("ETag");
        String lastModified = response.header("Last-Modified");
        if (etag == null && lastModified == null) byUrl.remove(url);
        else byUrl.put(url, new Validator(etag, lastModified));
    }
}
