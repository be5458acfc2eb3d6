package io.newswatch.index.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSignatureTest {
    private static final byte[] BODY = "{\"id\":\"a1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void deprecatedSchemeIsTheHexHmacSha256OfTheBody() {
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

    @Test
    void v2SignsIdTimestampAndBody() {
        // computed independently: printf 'a1.1700000000.{"id":"a1"}' | openssl dgst -sha256 -hmac s3cret -binary | base64
        assertEquals("v1,H9TZ56A6OM0DWm0vc+4MSsHSyXfuupUSv7aGK+WfWRM=",
                WebhookSignature.signV2("s3cret", "a1", 1_700_000_000L, BODY));
        assertNotEquals(WebhookSignature.signV2("s3cret", "a2", 1_700_000_000L, BODY),
                WebhookSignature.signV2("s3cret", "a1", 1_700_000_000L, BODY), "the id is signed");
        assertNotEquals(WebhookSignature.signV2("s3cret", "a1", 1_700_000_001L, BODY),
                WebhookSignature.signV2("s3cret", "a1", 1_700_000_000L, BODY), "the time is signed");
    }

    @Test
    void everyAttemptCarriesIdAndTimestampAndSignedOnesBothSignatures() {
        Map<String, String> signed = WebhookSignature.headers("s3cret", "a1", Instant.ofEpochSecond(1_700_000_000L), BODY);
        assertEquals(Map.of(WebhookSignature.DELIVERY_HEADER, "a1", WebhookSignature.TIMESTAMP_HEADER, "1700000000",
                WebhookSignature.HEADER_V2, "v1,H9TZ56A6OM0DWm0vc+4MSsHSyXfuupUSv7aGK+WfWRM=",
                WebhookSignature.HEADER, WebhookSignature.sign("s3cret", BODY)), signed);
        assertEquals(Map.of(WebhookSignature.DELIVERY_HEADER, "a1", WebhookSignature.TIMESTAMP_HEADER, "1700000000"),
                WebhookSignature.headers(null, "a1", Instant.ofEpochSecond(1_700_000_000L), BODY));
    }

    /** The README's Java receiver check accepts what we send, within the tolerance only. */
    @Test
    void theReadmeJavaVerificationAcceptsOurDeliveriesAndRefusesReplaysAndForgeries() throws Exception {
        long now = 1_700_000_000L;
        Map<String, String> h = WebhookSignature.headers("s3cret", "a1", Instant.ofEpochSecond(now), BODY);
        String id = h.get(WebhookSignature.DELIVERY_HEADER);
        String ts = h.get(WebhookSignature.TIMESTAMP_HEADER);
        String sig = h.get(WebhookSignature.HEADER_V2);

        assertTrue(ReadmeReceiver.verify("s3cret", id, ts, sig, BODY, now + 299));
        assertTrue(ReadmeReceiver.verify("s3cret", id, ts, "v1,bm90LWl0 " + sig, BODY, now), "any listed signature");
        assertFalse(ReadmeReceiver.verify("s3cret", id, ts, sig, BODY, now + 301), "too old: a replay");
        assertFalse(ReadmeReceiver.verify("s3cret", id, ts, sig, BODY, now - 301), "from the future");
        assertFalse(ReadmeReceiver.verify("other", id, ts, sig, BODY, now), "another secret");
        assertFalse(ReadmeReceiver.verify("s3cret", "a2", ts, sig, BODY, now), "another delivery id");
        assertFalse(ReadmeReceiver.verify("s3cret", id, Long.toString(now + 1), sig, BODY, now), "another time");
        assertFalse(ReadmeReceiver.verify("s3cret", id, ts, sig, "{\"id\":\"a2\"}".getBytes(StandardCharsets.UTF_8), now));
        assertFalse(ReadmeReceiver.verify("s3cret", id, "soon", sig, BODY, now), "not a number");
        assertFalse(ReadmeReceiver.verify("s3cret", id, ts, "v1,@@@", BODY, now), "not base64");
        assertFalse(ReadmeReceiver.verify("s3cret", id, ts, null, BODY, now), "unsigned");
    }

    /** The README's openssl recipe, run as written with bash: it accepts our signature and refuses another. */
    @Test
    void theReadmeOpensslRecipeAgreesWithTheSignature(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")) || Files.isExecutable(Path.of("/bin/openssl")),
                "openssl not installed");
        Path body = Files.write(dir.resolve("body.json"), BODY);
        long now = Instant.now().getEpochSecond();
        String sig = WebhookSignature.signV2("s3cret", "a1", now, BODY);

        assertEquals("valid", runRecipe(dir, body, Long.toString(now), sig));
        assertEquals("INVALID", runRecipe(dir, body, Long.toString(now), WebhookSignature.signV2("other", "a1", now, BODY)));
        String old = Long.toString(now - 600);
        assertEquals("INVALID", runRecipe(dir, body, old, WebhookSignature.signV2("s3cret", "a1", now - 600, BODY)));
    }

    /** Exactly the shell lines of the README (id, ts, sig and secret set from the request). */
    static final String OPENSSL_RECIPE = """
            expected="v1,$( { printf '%s.%s.' "$id" "$ts"; cat body.json; } \\
              | openssl dgst -sha256 -hmac "$secret" -binary | openssl base64 -A )"
            age=$(( $(date +%s) - ts ))
            if [ "$expected" = "$sig" ] && [ "${age#-}" -le 300 ]; then echo valid; else echo INVALID; fi
            """;

    private static String runRecipe(Path dir, Path body, String ts, String sig) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", OPENSSL_RECIPE).directory(dir.toFile());
        pb.environment().putAll(Map.of("id", "a1", "ts", ts, "sig", sig, "secret", "s3cret"));
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return out;
    }

    /** The README's Java receiver check, verbatim (only the JDK). */
    static final class ReadmeReceiver {
        static final long TOLERANCE_SECONDS = 300;

        /**
         * @param id        X-Newswatch-Delivery
         * @param timestamp X-Newswatch-Timestamp
         * @param signature X-Newswatch-Signature-V2
         * @param body      the raw request body, as received
         * @param now       the receiver's clock, unix seconds
         */
        static boolean verify(String secret, String id, String timestamp, String signature, byte[] body, long now)
                throws Exception {
            if (id == null || timestamp == null || signature == null) return false;
            long sent;
            try {
                sent = Long.parseLong(timestamp);
            } catch (NumberFormatException e) {
                return false;
            }
            if (Math.abs(now - sent) > TOLERANCE_SECONDS) return false; // too old (a replay) or from the future
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String entry : signature.split(" ")) {
                if (!entry.startsWith("v1,")) continue;
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(entry.substring(3)))) return true;
                } catch (IllegalArgumentException notBase64) {
                    // try the next one
                }
            }
            return false;
        }
    }
}
