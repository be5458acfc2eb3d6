package io.newswatch.index.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.newswatch.support.HttpServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The checks in front of every handler, against a real server and hostile clients speaking raw HTTP (a browser
 * page of another site, a rebound DNS name, chunked and oversized bodies), while a legitimate client keeps
 * working. A handler that ran counts in {@link #writes}: a refused request must never reach it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestGuardTest {
    private static final String JSON_BODY = "{\"name\":\"n\",\"query\":\"q\"}";
    private final AtomicInteger writes = new AtomicInteger();
    private Javalin open;
    private Javalin locked;

    @BeforeAll
    void start() {
        open = server(new ApiAccess(ApiToken.NONE, List.of("news.example.org"), 1024));
        locked = server(new ApiAccess(ApiToken.of(Optional.of("s3cret"), ApiToken.Scope.ALL), List.of(), 1024));
    }

    private Javalin server(ApiAccess access) {
        return HttpServers.create(config -> {
            WebServer.webUi(config);
            WebServer.guard(config.routes, access);
            config.routes.post("/api/rules", ctx -> {
                writes.incrementAndGet();
                ctx.status(201).result(ctx.body());
            });
            config.routes.get("/api/search", ctx -> ctx.json(java.util.Map.of("total", 0)));
        }).start("127.0.0.1", 0);
    }

    @AfterAll
    void stop() {
        open.stop();
        locked.stop();
    }

    @Test
    void aLegitimateClientWritesAndReads() throws IOException {
        int before = writes.get();
        Answer created = send(open, "POST /api/rules", "Host: 127.0.0.1\r\nContent-Type: application/json", JSON_BODY);
        assertEquals(201, created.status, created.text);
        Answer sameOrigin = send(open, "POST /api/rules", "Host: localhost:" + open.port() + "\r\nOrigin: http://localhost:"
                + open.port() + "\r\nSec-Fetch-Site: same-origin\r\nContent-Type: application/json; charset=utf-8", JSON_BODY);
        assertEquals(201, sameOrigin.status, "the UI's own page: " + sameOrigin.text);
        assertEquals(200, send(open, "GET /api/search", "Host: news.example.org", null).status, "a configured name");
        assertEquals(before + 2, writes.get());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersRefusalsAndStaticFilesIncluded() throws IOException {
        for (Answer answer : List.of(send(open, "GET /api/search", "Host: 127.0.0.1", null),
                send(open, "GET /index.html", "Host: 127.0.0.1", null),
                send(open, "GET /api/search", "Host: attacker.example", null))) {
            assertTrue(answer.head.contains("content-security-policy: default-src 'self'; object-src 'none'; "
                    + "base-uri 'none'; frame-ancestors 'none'"), answer.head);
            assertTrue(answer.head.contains("x-content-type-options: nosniff"), answer.head);
            assertTrue(answer.head.contains("referrer-policy: no-referrer"), answer.head);
        }
    }

    @Test
    void aRequestForAnotherHostNameIsNotServed() throws IOException {
        int before = writes.get();
        for (String host : List.of("attacker.example", "attacker.example:" + open.port(), "127.0.0.1.attacker.example")) {
            assertEquals(421, send(open, "GET /api/search", "Host: " + host, null).status, host);
            assertEquals(421, send(open, "POST /api/rules", "Host: " + host + "\r\nContent-Type: application/json",
                    JSON_BODY).status, host);
        }
        assertEquals(421, send(open, "GET /index.html", "Host: attacker.example", null).status, "the UI too");
        assertEquals(200, send(open, "GET /api/search", "Host: [::1]:" + open.port(), null).status);
        assertEquals(before, writes.get());
    }

    @Test
    void aWriteFromAnotherSitesPageIsRefused() throws IOException {
        int before = writes.get();
        String json = "\r\nContent-Type: application/json";
        assertEquals(403, send(open, "POST /api/rules", "Host: 127.0.0.1:" + open.port()
                + "\r\nOrigin: https://attacker.example" + json, JSON_BODY).status);
        assertEquals(403, send(open, "POST /api/rules", "Host: 127.0.0.1:" + open.port()
                + "\r\nOrigin: http://127.0.0.1:9999" + json, JSON_BODY).status, "another port is another origin");
        assertEquals(403, send(open, "POST /api/rules", "Host: 127.0.0.1\r\nOrigin: null" + json, JSON_BODY).status);
        assertEquals(403, send(open, "POST /api/rules", "Host: 127.0.0.1\r\nSec-Fetch-Site: cross-site" + json,
                JSON_BODY).status);
        Answer form = send(open, "POST /api/rules", "Host: 127.0.0.1\r\nContent-Type: text/plain", JSON_BODY);
        assertEquals(415, form.status, "the body a cross-origin 'simple' request can send");
        assertTrue(form.text.contains("Content-Type: application/json"), form.text);
        assertEquals(415, send(open, "POST /api/rules", "Host: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded",
                "name=n&query=q").status);
        assertEquals(before, writes.get());
    }

    @Test
    void bodiesAreBoundedBeforeTheyAreRead() throws IOException {
        int before = writes.get();
        String big = "{\"name\":\"" + "x".repeat(2000) + "\"}";
        Answer tooLarge = send(open, "POST /api/rules", "Host: 127.0.0.1\r\nContent-Type: application/json", big);
        assertEquals(413, tooLarge.status, tooLarge.text);
        Answer chunked = sendRaw(open, "POST /api/rules HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n10\r\n{\"name\":\"aaaaaa\r\n0\r\n\r\n");
        assertEquals(411, chunked.status, chunked.text);
        assertEquals(before, writes.get());
    }

    @Test
    void withTokenScopeAllEveryApiRequestNeedsTheToken() throws IOException {
        assertEquals(401, send(locked, "GET /api/search", "Host: 127.0.0.1", null).status);
        assertEquals(401, send(locked, "GET /api/search", "Host: 127.0.0.1\r\nAuthorization: Bearer wrong", null).status);
        assertEquals(200, send(locked, "GET /api/search", "Host: 127.0.0.1\r\nAuthorization: Bearer s3cret", null).status);
        assertEquals(200, send(locked, "GET /index.html", "Host: 127.0.0.1", null).status, "the UI's files stay open");
        Answer refused = send(locked, "GET /api/search", "Host: 127.0.0.1\r\nAuthorization: Bearer wrong", null);
        assertFalse(refused.text.contains("s3cret"), "never echoed");
    }

    private record Answer(int status, String head, String text) {}

    private static Answer send(Javalin app, String requestLine, String headers, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String lengthHeader = body == null ? "" : "\r\nContent-Length: " + bytes.length;
        return sendRaw(app, requestLine + " HTTP/1.1\r\n" + headers + lengthHeader + "\r\nConnection: close\r\n\r\n"
                + (body == null ? "" : body));
    }

    private static Answer sendRaw(Javalin app, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = (split < 0 ? response : response.substring(0, split)).toLowerCase(java.util.Locale.ROOT);
            int status = Integer.parseInt(response.substring(9, 12));
            return new Answer(status, head, split < 0 ? "" : response.substring(split + 4));
        }
    }
}
