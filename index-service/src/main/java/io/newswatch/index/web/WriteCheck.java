package io.newswatch.index.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * What a request that changes something must be, so that another site's page cannot make a browser send it
 * (cross-site request forgery, with or without a token configured) and no body is read unbounded:
 * <ul>
 *   <li>from this origin or from no browser page: an {@code Origin} of another scheme, host or port, or
 *       {@code Sec-Fetch-Site} other than {@code same-origin}/{@code none}, gets 403;</li>
 *   <li>JSON: a body of any other {@code Content-Type} (the ones an HTML form or a "simple" cross-origin request
 *       can send) gets 415;</li>
 *   <li>of a declared length of at most {@code api.max-body-bytes}: 411 without {@code Content-Length}
 *       (a chunked body would be read whole before its size is known), 413 past the bound.</li>
 * </ul>
 */
final class WriteCheck {
    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);
    private static final Set<HandlerType> WITH_BODY = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH);

    private final long maxBodyBytes;

    WriteCheck(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A before-handler. */
    void check(Context ctx) {
        if (!WRITES.contains(ctx.method())) return;
        checkOrigin(ctx);
        if (WITH_BODY.contains(ctx.method())) checkBody(ctx);
    }

    private static void checkOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw forbidden("a page of another site may not change anything here (Sec-Fetch-Site: " + site + ")");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameOrigin(origin, ctx.header("Host"))) {
            throw forbidden("a page of another origin may not change anything here");
        }
    }

    private static boolean sameOrigin(String origin, String host) {
        try {
            URI uri = URI.create(origin.strip());
            String scheme = uri.getScheme();
            if (host == null || uri.getRawAuthority() == null || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return false; // "null" and file: origins included
            }
            return withDefaultPort(uri.getRawAuthority(), scheme).equals(withDefaultPort(host.strip(), scheme));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String withDefaultPort(String authority, String scheme) {
        String lower = authority.toLowerCase(Locale.ROOT);
        boolean hasPort = lower.startsWith("[") ? lower.contains("]:") : lower.contains(":");
        return hasPort ? lower : lower + (scheme.equalsIgnoreCase("https") ? ":443" : ":80");
    }

    private void checkBody(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null || !type.strip().toLowerCase(Locale.ROOT).matches("application/json\\s*(;.*)?")) {
            throw new RefusedRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported content type",
                    "send the body as JSON with 'Content-Type: application/json'");
        }
        long length = ctx.req().getContentLengthLong();
        if (length < 0) {
            throw new RefusedRequestException(HttpStatus.LENGTH_REQUIRED, "length required",
                    "send the body with a Content-Length header (at most " + maxBodyBytes + " bytes)");
        }
        if (length > maxBodyBytes) {
            throw new RefusedRequestException(HttpStatus.CONTENT_TOO_LARGE, "body too large",
                    "the body may be at most " + maxBodyBytes + " bytes (api.max-body-bytes), was " + length);
        }
    }

    private static RefusedRequestException forbidden(String message) {
        return new RefusedRequestException(HttpStatus.FORBIDDEN, "cross-origin write refused", message);
    }
}
