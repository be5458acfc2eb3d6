package io.newswatch.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A monitoring team's view of one alert rule: the rule created through the API, a webhook receiver that
 * accepts only correctly signed POSTs, and a client of the live alert stream.
 */
final class AlertWatch implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secret;
    private final HttpServer receiver;
    private final List<String> signedPosts = new CopyOnWriteArrayList<>();
    private final List<String> streamLines = new CopyOnWriteArrayList<>();
    private Stream<String> stream;
    private String ruleId;

    private AlertWatch(String secret) throws IOException {
        this.secret = secret;
        this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean valid = ("sha256=" + hmac(body)).equals(exchange.getRequestHeaders().getFirst("X-Newswatch-Signature"));
            if (valid) signedPosts.add(new String(body, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        receiver.start();
    }

    /** Creates the rule {@code query} with a signed webhook, and listens to the alert stream. */
    static AlertWatch start(String apiUrl, String name, String query, String secret) throws Exception {
        AlertWatch watch = new AlertWatch(secret);
        String hook = "http://127.0.0.1:" + watch.receiver.getAddress().getPort() + "/hook";
        String body = JSON.createObjectNode().put("name", name).put("query", query).put("webhook", hook)
                .put("secret", secret).toString();
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(apiUrl + "/api/rules")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        watch.ruleId = JSON.readTree(created.body()).path("id").asText();
        watch.listen(apiUrl + "/api/alerts/stream");
        return watch;
    }

    String ruleId() {
        return ruleId;
    }

    /** Signed webhook POSTs whose alert is about the article at {@code url}. */
    List<JsonNode> postsAbout(String url) {
        return signedPosts.stream().map(AlertWatch::json).filter(alert -> url.equals(alert.path("url").asText()))
                .toList();
    }

    /** Events on the live stream whose alert is about the article at {@code url}. */
    List<JsonNode> eventsAbout(String url) {
        return streamLines.stream().filter(line -> line.startsWith("data:"))
                .map(line -> json(line.substring(5).trim())).filter(alert -> url.equals(alert.path("url").asText()))
                .toList();
    }

    private void listen(String url) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        stream = response.body();
        Thread reader = new Thread(() -> {
            try {
                stream.forEach(streamLines::add);
            } catch (RuntimeException closed) {
                // close() ended the stream
            }
        }, "alert-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        if (stream != null) stream.close();
        receiver.stop(0);
    }
}
