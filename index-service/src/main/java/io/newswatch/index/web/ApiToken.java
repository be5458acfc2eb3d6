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
 * {@code Authorization: Bearer <token>}; reads stay open. Tokens are compared in constant time
 * (as SHA-256 digests, so not even the length leaks) and never logged or echoed.
 */
public final class ApiToken {
    /** No token configured: every request is allowed (the local demo). */
    public static final ApiToken NONE = new ApiToken(null);
    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.DELETE,
            HandlerType.PATCH);
    private static final String PROTECTED = "/api/rules";
    private static final String BEARER = "Bearer ";

    private final byte[] digest;

    private ApiToken(byte[] digest) {
        this.digest = digest;
    }

    /** The token given, or {@link #NONE} when it is empty. */
    public static ApiToken of(Optional<String> token) {
        return token.filter(t -> !t.isBlank()).map(t -> new ApiToken(sha256(t.strip()))).orElse(NONE);
    }

    /** True when a token is required for writes. */
    public boolean required() {
        return digest != null;
    }

    /** A before-handler: refuses a rule write without the right token. */
    void check(Context ctx) {
        if (!required() || !WRITES.contains(ctx.method()) || !protectedPath(ctx.path())) return;
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthorizedException("this server requires 'Authorization: Bearer <token>' to change rules");
        }
        if (!MessageDigest.isEqual(digest, sha256(header.substring(BEARER.length()).strip()))) {
            throw new UnauthorizedException("the bearer token is not the one configured (api.token)");
        }
    }

    private static boolean protectedPath(String path) {
        return path.equals(PROTECTED) || path.startsWith(PROTECTED + "/");
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
        return required() ? "required" : "none";
    }

    /** A write without the configured token; the message says what to send, never the token. */
    static final class UnauthorizedException extends RuntimeException {
        UnauthorizedException(String message) {
            super(message);
        }
    }
}
