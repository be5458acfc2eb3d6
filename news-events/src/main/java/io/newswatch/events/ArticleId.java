package io.newswatch.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable id of an article: a hash of its canonical URL. It is the Kafka key and the
 * Elasticsearch {@code _id}, so every write of the same article is idempotent.
 */
public final class ArticleId {
    private static final int HEX_CHARS = 32; // 128 bits: collisions are not a practical concern

    private ArticleId() {}

    /** The id of the article at {@code canonicalUrl} (already canonicalised by the caller). */
    public static String of(String canonicalUrl) {
        return hash(Require.text(canonicalUrl, "canonicalUrl"));
    }

    /** A stable hash of the given parts, joined by a separator that cannot occur in ids. */
    static String hash(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) sha.update((byte) 0);
                sha.update(parts[i].getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
