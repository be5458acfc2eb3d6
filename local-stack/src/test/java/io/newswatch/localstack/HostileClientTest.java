package io.newswatch.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's check on one running stack: a hostile client tries each protection of the HTTP API (README,
 * "Security") over raw sockets, where it must send what the JDK's HttpClient refuses to (another Host, a chunked
 * body), and is refused with the documented status; nothing it sends creates a rule. After every hostile request a
 * legitimate client on the same instance still finds the seed article, and at the end it creates, lists and deletes a
 * rule.
 */
@ExtendWith(EmbeddedInfraExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileClientTest {
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULE = "{\"name\":\"hostile\",\"query\":\"peace\"}";
    private static final String CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    /** What {@code api.max-body-bytes} allows (64 KiB) plus 6 KiB. */
    private static final int OVERSIZED = 70 * 1024;
    /** {@code alerts.stream-max-clients}: the default, since the local stack's settings come from the environment. */
    private static final int STREAM_MAX_CLIENTS = 100;

    @TempDir
    static Path workDir;
    static Pipeline pipeline;
    static SearchProbe search;
    static String seedUrl;
    static final HttpClient legitimate = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startStack(EmbeddedKafka kafka, EmbeddedElasticsearch elasticsearch) throws Exception {
        pipeline = Pipeline.start(kafka.bootstrapServers(), elasticsearch.httpUrl(), Pipeline.Ports.anyFree(), workDir);
        search = new SearchProbe(pipeline.apiUrl());
        search.awaitTotal("*", pipeline.site().articleCount(), WAIT);
        seedUrl = pipeline.site().articleUrl("putin-baku-peace-process");
        legitimateClientStillFindsTheSeedArticle();
    }

    @AfterAll
    static void stopStack() {
        if (pipeline != null) pipeline.close();
    }

    @Test
    @Order(1)
    void anotherHostNameIsNotServed() throws Exception {
        Set<String> rules = ruleIds();
        assertEquals(421, hostile("GET /api/search?q=peace", "Host: attacker.example", null).status);
        assertEquals(421, hostile("GET /index.html", "Host: attacker.example:" + port(), null).status, "the UI too");
        Answer write = hostile("POST /api/rules", "Host: attacker.example\r\nContent-Type: application/json", RULE);
        assertEquals(421, write.status, write.text);
        assertEquals(rules, ruleIds(), "no rule created");
    }

    @Test
    @Order(2)
    void aCrossOriginOrNonJsonWriteIsRefused() throws Exception {
        Set<String> rules = ruleIds();
        Answer crossOrigin = hostile("POST /api/rules", local() + "\r\nOrigin: https://attacker.example"
                + "\r\nContent-Type: application/json", RULE);
        assertEquals(403, crossOrigin.status, crossOrigin.text);
        Answer plain = hostile("POST /api/rules", local() + "\r\nContent-Type: text/plain", RULE);
        assertEquals(415, plain.status, plain.text);
        assertTrue(plain.text.contains("application/json"), plain.text);
        assertEquals(rules, ruleIds(), "no rule created");
    }

    @Test
    @Order(3)
    void writeBodiesMustDeclareABoundedLength() throws Exception {
        Set<String> rules = ruleIds();
        byte[] chunk = RULE.getBytes(StandardCharsets.UTF_8);
        Answer chunked = hostileRaw("POST /api/rules HTTP/1.1\r\n" + local() + "\r\nContent-Type: application/json"
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + Integer.toHexString(chunk.length)
                + "\r\n" + RULE + "\r\n0\r\n\r\n");
        assertEquals(411, chunked.status, chunked.text);
        String big = "{\"name\":\"" + "x".repeat(OVERSIZED) + "\",\"query\":\"peace\"}";
        Answer tooLarge = hostile("POST /api/rules", local() + "\r\nContent-Type: application/json", big);
        assertEquals(413, tooLarge.status, tooLarge.text);
        assertEquals(rules, ruleIds(), "no rule created");
    }

    @Test
    @Order(4)
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        List<Answer> answers = List.of(hostile("GET /api/search?q=peace", local(), null),
                hostile("GET /index.html", local(), null),
                hostile("GET /api/search?q=peace", "Host: attacker.example", null));
        assertEquals(List.of(200, 200, 421), answers.stream().map(Answer::status).toList());
        for (Answer answer : answers) {
            assertTrue(answer.head.contains("content-security-policy: " + CSP), answer.head);
            assertTrue(answer.head.contains("x-content-type-options: nosniff"), answer.head);
            assertTrue(answer.head.contains("referrer-policy: no-referrer"), answer.head);
        }
    }

    @Test
    @Order(5)
    void aWebhookToTheCloudMetadataOrAPrivateAddressIsRefused() throws Exception {
        Set<String> rules = ruleIds();
        assertWebhookRefused("http://169.254.169.254/latest/meta-data/", "cloud metadata address");
        assertWebhookRefused("http://[::ffff:169.254.169.254]/", "cloud metadata address");
        assertWebhookRefused("http://10.20.30.40:8080/hook", "private-network address");
        assertEquals(rules, ruleIds(), "no rule created");
    }

    @Test
    @Order(6)
    void aRuleQueryThatCannotRunIsA400NeverA500() throws Exception {
        Set<String> rules = ruleIds();
        assertQueryRefused("/(a|aa)*.{1,1000}/", "too complex to run");
        assertQueryRefused("(".repeat(2000) + "peace" + ")".repeat(2000), "nested more than 32 deep");
        assertEquals(rules, ruleIds(), "no rule created");
    }

    @Test
    @Order(7)
    void expensiveSearchesAreRefusedSayingWhy() throws Exception {
        Answer regex = hostile("GET /api/search?q=" + encode("/.*a.*/"), local(), null);
        assertEquals(400, regex.status, regex.text);
        assertTrue(regex.text.contains("regular expressions"), regex.text);
        Answer wildcard = hostile("GET /api/search?q=" + encode("a*"), local(), null);
        assertEquals(400, wildcard.status, wildcard.text);
        assertTrue(wildcard.text.contains("letters before its first *"), wildcard.text);
    }

    @Test
    @Order(8)
    void aWebhookIsShownMaskedToAReaderWithoutTheToken() throws Exception {
        String id = createRule("masked", "zzqqxx", "http://ops:hunter2@127.0.0.1:9/hook?token=s3cret");
        try {
            Answer list = hostile("GET /api/rules", local(), null);
            assertEquals(200, list.status, list.text);
            JsonNode rule = null;
            for (JsonNode r : JSON.readTree(list.text).path("rules")) {
                if (id.equals(r.path("id").asText())) rule = r;
            }
            assertTrue(rule != null, "the rule is listed: " + list.text);
            assertEquals("http://127.0.0.1/…", rule.path("webhook").asText(), rule.toString());
            for (String secret : List.of("hunter2", "s3cret", "/hook", ":9")) {
                assertFalse(list.text.contains(secret), secret + " shown: " + list.text);
            }
        } finally {
            deleteRule(id);
        }
    }

    @Test
    @Order(9)
    void theLiveStreamServesAtMostItsClientsThenSays503() throws Exception {
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < STREAM_MAX_CLIENTS; i++) {
                Socket client = new Socket("127.0.0.1", port());
                clients.add(client);
                client.setSoTimeout(10_000);
                client.getOutputStream().write(("GET /api/alerts/stream HTTP/1.1\r\n" + local()
                        + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                String head = readHead(client.getInputStream());
                assertTrue(head.startsWith("HTTP/1.1 200"), "client " + (i + 1) + ": " + head);
            }
            // A client is counted just after its answer's head is sent: give the last one a moment.
            Thread.sleep(1_000);
            Answer refused = hostile("GET /api/alerts/stream", local() + "\r\nAccept: text/event-stream", null);
            assertEquals(503, refused.status, refused.head + "\n" + refused.text);
            assertTrue(refused.head.contains("retry-after:"), refused.head);
            assertTrue(refused.text.contains("alerts.stream-max-clients"), refused.text);
        } finally {
            for (Socket client : clients) client.close();
        }
    }

    @Test
    @Order(10)
    void theLegitimateClientStillCreatesListsAndDeletesARule() throws Exception {
        Set<String> before = ruleIds();
        String id = createRule("legitimate", "\"peace treaty\" AND Armenia", "http://127.0.0.1:9/hook");
        Set<String> after = ruleIds();
        assertTrue(after.contains(id), after.toString());
        assertEquals(before.size() + 1, after.size());
        deleteRule(id);
        assertEquals(before, ruleIds());
        legitimateClientStillFindsTheSeedArticle();
    }

    // ---- the hostile client: raw HTTP/1.1 over a socket, each request followed by the legitimate client's search

    private record Answer(int status, String head, String text) {}

    /** Sends one request with {@code headers} and, when given, {@code body} with its Content-Length. */
    private static Answer hostile(String requestLine, String headers, String body) throws Exception {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return hostileRaw(requestLine + " HTTP/1.1\r\n" + headers
                + (body == null ? "" : "\r\nContent-Length: " + bytes.length) + "\r\nConnection: close\r\n\r\n"
                + (body == null ? "" : body));
    }

    private static Answer hostileRaw(String request) throws Exception {
        Answer answer;
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
            int headEnd = request.indexOf("\r\n\r\n") + 4;
            out.write(bytes, 0, headEnd);
            out.flush();
            try {
                out.write(bytes, headEnd, bytes.length - headEnd);
                out.flush();
            } catch (IOException refusedBeforeTheBody) {
                // the server may answer and close without reading a body it refuses
            }
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            try {
                in.transferTo(rest);
            } catch (IOException resetAfterTheAnswer) {
                // the answer is complete; a refused body left unread can reset the connection
            }
            answer = new Answer(Integer.parseInt(head.substring(9, 12)), head.toLowerCase(Locale.ROOT),
                    rest.toString(StandardCharsets.UTF_8));
        }
        legitimateClientStillFindsTheSeedArticle();
        return answer;
    }

    /** The status line and headers, up to the blank line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') break;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.1 ")) throw new IOException("not an HTTP answer: " + text);
        return text;
    }

    private static void assertWebhookRefused(String webhook, String reason) throws Exception {
        String body = JSON.createObjectNode().put("name", "ssrf").put("query", "peace").put("webhook", webhook)
                .toString();
        Answer answer = hostile("POST /api/rules", local() + "\r\nContent-Type: application/json", body);
        assertEquals(400, answer.status, webhook + ": " + answer.text);
        assertTrue(answer.text.contains("invalid rule field 'webhook'") && answer.text.contains(reason),
                webhook + ": " + answer.text);
    }

    private static void assertQueryRefused(String query, String reason) throws Exception {
        String body = JSON.createObjectNode().put("name", "costly").put("query", query).toString();
        Answer answer = hostile("POST /api/rules", local() + "\r\nContent-Type: application/json", body);
        assertEquals(400, answer.status, answer.text);
        assertTrue(answer.text.contains("invalid rule field 'query'") && answer.text.contains(reason), answer.text);
    }

    // ---- the legitimate client: the JDK's HttpClient, as the UI's own origin would

    private static void legitimateClientStillFindsTheSeedArticle() throws Exception {
        JsonNode answer = search.search("\"peace treaty\"", 10); // throws unless 200
        for (JsonNode hit : answer.path("hits")) {
            if (seedUrl.equals(hit.path("url").asText())) return;
        }
        throw new AssertionError("the seed article " + seedUrl + " is not found any more: " + answer);
    }

    private static Set<String> ruleIds() throws Exception {
        HttpResponse<String> list = legitimate.send(HttpRequest.newBuilder(URI.create(pipeline.apiUrl() + "/api/rules"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, list.statusCode(), list.body());
        Set<String> ids = new TreeSet<>();
        JSON.readTree(list.body()).path("rules").forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    private static String createRule(String name, String query, String webhook) throws Exception {
        String body = JSON.createObjectNode().put("name", name).put("query", query).put("webhook", webhook).toString();
        HttpResponse<String> created = legitimate.send(HttpRequest.newBuilder(URI.create(pipeline.apiUrl()
                        + "/api/rules")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).path("id").asText();
    }

    private static void deleteRule(String id) throws Exception {
        HttpResponse<String> deleted = legitimate.send(HttpRequest.newBuilder(URI.create(pipeline.apiUrl()
                + "/api/rules/" + id)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(deleted.statusCode() == 200 || deleted.statusCode() == 204, deleted.statusCode() + " " + deleted.body());
    }

    private static int port() {
        return pipeline.index().port();
    }

    /** The Host header of a request for this server by its own address. */
    private static String local() {
        return "Host: 127.0.0.1:" + port();
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
