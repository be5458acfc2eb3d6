package io.newswatch.index.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void isTheHexHmacSha256OfTheBody() {
        byte[] body = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        // the HMAC-SHA256 example value of RFC-style test suites (key "key")
        assertEquals("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                WebhookSignature.sign("key", body));
    }

    @Test
    void dependsOnTheSecret() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertNotEquals(WebhookSignature.sign("a", body), WebhookSignature.sign("b", body));
    }
}
