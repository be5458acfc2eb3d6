package io.newswatch.index.web;

import io.javalin.http.Context;
import java.util.Map;

/**
 * Headers on every response, API and UI alike: the UI loads only its own scripts and styles and cannot be framed,
 * browsers do not guess content types, and no page address leaks to another site through the Referer header.
 */
final class SecurityHeaders {
    static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");

    private SecurityHeaders() {}

    /** A before-handler. */
    static void add(Context ctx) {
        ALL.forEach(ctx::header);
    }
}
