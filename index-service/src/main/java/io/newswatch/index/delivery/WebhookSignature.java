package io.newswatch.index.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature headers of a webhook POST, in the manner of Standard Webhooks:
 * <ul>
 *   <li>{@code X-Newswatch-Delivery: <alert id>}, the same on every retry (receivers drop repeats);</li>
 *   <li>{@code X-Newswatch-Timestamp: <unix seconds>} of this attempt;</li>
 *   <li>{@code X-Newswatch-Signature-V2: v1,<base64 HMAC-SHA256 of "id.timestamp.body">} with the
 *       rule's secret (UTF-8) as key: the id and the time are signed with the body, so a captured
 *       delivery cannot be replayed after the receiver's tolerance nor passed off as another one.
 *       The value is a space-separated list of {@code scheme,signature} entries; {@code v1} is
 *       the only scheme so far;</li>
 *   <li>{@code X-Newswatch-Signature: sha256=<hex HMAC-SHA256 of the body>}, the first scheme,
 *       deprecated: kept for one release so receivers can move over, then removed.</li>
 * </ul>
 * Receivers recompute over the raw body and compare in constant time.
 */
public final class WebhookSignature {
    /** The delivery id (the alert id). */
    public static final String DELIVERY_HEADER = "X-Newswatch-Delivery";
    /** When this attempt was signed, unix seconds. */
    public static final String TIMESTAMP_HEADER = "X-Newswatch-Timestamp";
    /** {@code v1,<base64>} over {@code id.timestamp.body}. */
    public static final String HEADER_V2 = "X-Newswatch-Signature-V2";
    /** Deprecated: {@code sha256=<hex>} of the body only (no timestamp, no id); removed after one release. */
    public static final String HEADER = "X-Newswatch-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    /** The headers of one attempt to deliver {@code body} as delivery {@code id}: signed when {@code secret} is set. */
    static Map<String, String> headers(String secret, String id, Instant now, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        long timestamp = now.getEpochSecond();
        headers.put(DELIVERY_HEADER, id);
        headers.put(TIMESTAMP_HEADER, Long.toString(timestamp));
        if (secret != null) {
            headers.put(HEADER_V2, signV2(secret, id, timestamp, body));
            headers.put(HEADER, sign(secret, body));
        }
        return headers;
    }

    /** {@code v1,<base64 HMAC-SHA256 of "id.timestamp." followed by the body>}. */
    public static String signV2(String secret, String id, long timestamp, byte[] body) {
        Mac mac = mac(secret);
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    /** Deprecated scheme: {@code sha256=<hex>} of {@code body} with {@code secret}. */
    public static String sign(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(mac(secret).doFinal(body));
    }

    private static Mac mac(String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        }
    }
}
