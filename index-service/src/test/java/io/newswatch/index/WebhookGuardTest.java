package io.newswatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.events.AlertRule;
import io.newswatch.events.Topics;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.support.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks cannot be aimed at internal addresses, show no credentials and no port-scan answers to
 * readers, and cannot hold a delivery thread: against the real broker and Elasticsearch, with an API
 * token and loopback allowed (the receivers listen on 127.0.0.1).
 */
@ExtendWith(EmbeddedInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookGuardTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "webhook-guard-token";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private RunningIndex index;
    private Http http;

    @BeforeAll
    void start(EmbeddedKafka kafka, EmbeddedElasticsearch es) {
        index = new RunningIndex(Settings.load(IndexConfig.SERVICE, Map.of())
                .with("kafka.bootstrap-servers", kafka.bootstrapServers())
                .with("elasticsearch.url", es.httpUrl())
                .with("consumer.group-id", "articles-guard-" + suffix)
                .with("index.alias", "guard-it-" + suffix)
                .with("alerts.group-id", "alerts-guard-" + suffix)
                .with("alerts.index", "alerts-guard-" + suffix)
                .with("webhook.timeout", "2s")
                .with("api.token", TOKEN)
                .with("outbound.allow", "loopback")
                .with("http.port", "0"));
        http = index.http;
    }

    @AfterAll
    void stop() {
        if (index != null) index.close();
    }

    @Test
    void aWebhookToACloudMetadataOrPrivateAddressIsRefusedSayingWhy() {
        Map<String, String> refused = Map.of(
                "http://169.254.169.254/latest/meta-data/", "a cloud metadata address, which is never allowed",
                "http://[::ffff:169.254.169.254]/", "a cloud metadata address, which is never allowed",
                "http://[fd00:ec2::254]/latest/", "a cloud metadata address, which is never allowed",
                "http://10.1.2.3:9200/", "a private-network address; only public internet addresses are allowed");
        refused.forEach((webhook, why) -> {
            Http.Response r = write("POST", "/api/rules", rule("Internal", webhook));
            assertEquals(400, r.status(), webhook + ": " + r.body());
            assertEquals("invalid rule field 'webhook'", r.json().get("error").asText());
            assertTrue(r.json().get("detail").asText().startsWith("the webhook's host "), r.body());
            assertTrue(r.json().get("detail").asText().contains(why), r.body());
        });
        assertFalse(http.get("/api/rules").body().contains("Internal"));
    }

    @Test
    void webhookUrlsAreMaskedUnlessTheTokenIsPresentedAndAMaskedUrlSentBackKeepsTheStoredOne() {
        String secretUrl = "https://bot:pa55@93.184.215.14/services/T1/B2/XyZ?token=abc";
        Http.Response created = write("POST", "/api/rules", rule("Masked", secretUrl));
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        String masked = "https://93.184.215.14/…";

        assertEquals(secretUrl, created.json().get("webhook").asText(), "the writer bears the token");
        assertEquals(masked, http.get("/api/rules/" + id).json().get("webhook").asText());
        assertFalse(http.get("/api/rules").body().contains("pa55"));
        assertFalse(http.get("/api/rules").body().contains("XyZ"));
        assertEquals(secretUrl, read("/api/rules/" + id).get("webhook").asText());

        // the alerts page fills its form from the masked rule and PUTs it back
        Http.Response renamed = write("PUT", "/api/rules/" + id, rule("Masked, renamed", masked));
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals(secretUrl, read("/api/rules/" + id).get("webhook").asText());
        assertEquals("Masked, renamed", read("/api/rules/" + id).get("name").asText());

        Http.Response otherMask = write("PUT", "/api/rules/" + id, rule("Masked", "https://other.example/…"));
        assertEquals(400, otherMask.status(), otherMask.body());
        assertEquals("invalid rule field 'webhook'", otherMask.json().get("error").asText());
        assertEquals(secretUrl, read("/api/rules/" + id).get("webhook").asText());
    }

    @Test
    void aDestinationRefusedAtSendTimeIsAFailedDeliveryWithAGenericReason() throws Exception {
        // written straight to the topic, as if DNS had answered otherwise when the rule was created
        String ruleId = "guard-" + suffix;
        AlertRule rule = new AlertRule(AlertRule.SCHEMA_VERSION, ruleId, "Metadata", "treaty",
                "http://169.254.169.254/latest/meta-data/", true, Instant.now(), Instant.now(), null);
        index.produce(Topics.ALERT_RULES, ruleId, rule);
        Await.until(WAIT, "the rule in the view", () -> http.get("/api/rules/" + ruleId), r -> r.status() == 200);
        index.produceAlert(ruleId, "https://news.am/metadata-" + suffix);

        JsonNode delivery = awaitDelivery(ruleId, "FAILED");

        assertEquals("destination not allowed", delivery.get("lastError").asText(), delivery.toString());
        assertEquals(0, delivery.get("status").asInt());
        assertFalse(http.get("/api/alerts?rule=" + ruleId).body().contains("169.254"));
    }

    @Test
    void aReceiverAnsweringAnErrorIsShownOnlyByItsClassAndADrippedBodyDoesNotHoldTheDelivery() throws Exception {
        try (RawReceiver notFound = new RawReceiver("HTTP/1.1 404 Not Found\r\nContent-Length: 31\r\n\r\n"
                + "no elasticsearch index here, 9.x");
             RawReceiver dripping = new RawReceiver("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"
                     + "x".repeat(100_000))) {
            String refusing = createRule("Refusing", notFound.url());
            String slow = createRule("Slow body", dripping.url());
            index.produceAlert(refusing, "https://news.am/refused-" + suffix);
            index.produceAlert(slow, "https://news.am/slow-" + suffix);

            JsonNode failed = awaitDelivery(refusing, "FAILED");
            assertEquals("receiver answered HTTP 4xx", failed.get("lastError").asText(), failed.toString());
            assertEquals(400, failed.get("status").asInt());
            assertFalse(http.get("/api/alerts?rule=" + refusing).body().contains("elasticsearch"));

            // 100 kB at a byte per 50 ms would take over an hour: the status is all a delivery waits for
            JsonNode delivered = awaitDelivery(slow, "DELIVERED");
            assertEquals(200, delivered.get("status").asInt());
        }
    }

    private String createRule(String name, String webhook) {
        Http.Response created = write("POST", "/api/rules", rule(name, webhook));
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    private JsonNode awaitDelivery(String ruleId, String state) {
        return Await.until(WAIT, "a delivery " + state, () -> http.get("/api/alerts?rule=" + ruleId).json(),
                j -> state.equals(j.at("/alerts/0/delivery/state").asText())).at("/alerts/0/delivery");
    }

    private Http.Response write(String method, String path, Map<String, Object> body) {
        try {
            return http.send(method, path, JSON.writeValueAsString(body), TOKEN);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String path) {
        return http.send("GET", path, null, TOKEN).json();
    }

    private static Map<String, Object> rule(String name, String webhook) {
        return Map.of("name", name, "query", "treaty", "webhook", webhook);
    }

    /** A receiver on 127.0.0.1 that sends {@code answer} to each POST, headers at once, then a byte every 50 ms. */
    private static final class RawReceiver implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

        RawReceiver(String answer) throws IOException {
            byte[] bytes = answer.getBytes(StandardCharsets.US_ASCII);
            int headEnd = answer.indexOf("\r\n\r\n") + 4;
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        OutputStream out = socket.getOutputStream();
                        out.write(bytes, 0, headEnd);
                        out.flush();
                        for (int i = headEnd; i < bytes.length; i++) {
                            out.write(bytes[i]);
                            out.flush();
                            Thread.sleep(50);
                        }
                    } catch (IOException e) {
                        // the client hung up, or closing
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
