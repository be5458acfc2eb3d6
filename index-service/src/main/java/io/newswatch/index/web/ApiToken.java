package io.newswatch.index.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.Set;

/**
 * The optional API token ({@code api.token}): when set, requests that change rules
 * ({@code POST}, {@code PUT}, {@code DELETE} under {@code /api/rules}) must carry
 * {@code Authorization: Bearer <token>}; with {@code api.token-scope=all} every request under {@code /api/} must.
 * Tokens are compared in constant time (as SHA-256 digests, so not even the length leaks) and never logged or
 * echoed.
 */
public final class ApiToken {
    /** Which requests need the token. */
    public enum Scope {
        /** Rule writes only; searches, articles, alerts and the UI's reads stay open. */
        WRITES,
        /** Every request under {@code /api/}. */
        ALL
    }

    /** No token configured: every request is allowed (the local demo). */
    public static final ApiToken NONE = new ApiToken(null, Scope.WRITES);
    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.DELETE,
            HandlerType.PATCH);
    private static final String PROTECTED = "/api/rules";
    private static final String BEARER = "Bearer ";

    private final byte[] digest;
    private final Scope scope;

    private ApiToken(byte[] digest, Scope scope) {
        this.digest = digest;
        this.scope = scope;
    }

    /** The token given for rule writes, or {@link #NONE} when it is empty. */
    public static ApiToken of(Optional<String> token) {
        return of(token, Scope.WRITES);
    }

    /** The token given for {@code scope}, or {@link #NONE} when it is empty. */
    public static ApiToken of(Optional<String> token, Scope scope) {
        return token.filter(t -> !t.isBlank()).map(t -> new ApiToken(sha256(t.strip()), scope)).orElse(NONE);
    }

    /** True when a token is configured and {@code ctx} carries it: such a caller may see rules' full webhook URLs. */
    public boolean presentedIn(Context ctx) {
        String header = ctx.header("Authorization");
        return required() && header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && MessageDigest.isEqual(digest, sha256(header.substring(BEARER.length()).strip()));
    }

    /** True when a token is required for writes. */
    public boolean required() {
        return digest != null;
    }

    /** A before-handler: refuses a rule write without the right token. */
    void check(Context ctx) {
        if (!required() || !needsToken(ctx)) return;
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthorizedException("this server requires 'Authorization: Bearer <token>' "
                    + (scope == Scope.ALL ? "for its API" : "to change rules"));
        }
        if (!presentedIn(ctx)) {
            throw new UnauthorizedException("the bearer token is not the one configured (api.token)");
        }
    }

    private boolean needsToken(Context ctx) {
        if (scope == Scope.ALL) return ctx.path().startsWith("/api/");
        String path = ctx.path();
        return WRITES.contains(ctx.method()) && (path.equals(PROTECTED) || path.startsWith(PROTECTED + "/"));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Shows whether a token is set, never the token. */
    @Override
    public String toString() {
        return required() ? "required for " + scope.name().toLowerCase(java.util.Locale.ROOT) : "none";
    }

    /** A write without the configured token; the message says what to send, never the token. */
    static final class UnauthorizedException extends RuntimeException {
        UnauthorizedException(String message) {
            super(message);
        }
    }
}
