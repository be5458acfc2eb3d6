package io.newswatch.support.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One request, bounded as a whole: servers that drip their headers or body are cut at the deadline. */
class PinnedExchangeTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private final OutboundPolicy policy = OutboundPolicy.allowing(List.of("loopback"))
            .resolvingWith(host -> new InetAddress[] {LOOPBACK});
    private ServerSocket raw;
    private HttpServer server;

    @AfterEach
    void stop() throws IOException {
        if (raw != null) raw.close();
        if (server != null) server.stop(0);
    }

    @Test
    void aServerDrippingItsHeadersIsCutAtTheDeadline() throws Exception {
        URL url = dripping("HTTP/1.1 200 OK\r\nX-Slow: " + "x".repeat(100));

        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(SocketTimeoutException.class,
                () -> PinnedExchange.send("GET", url, policy.resolve(url.toURI()), Map.of(), null, TIMEOUT)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);
    }

    @Test
    void aServerDrippingItsBodyIsCutAtTheDeadline() throws Exception {
        URL url = dripping("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(100));

        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(SocketTimeoutException.class, () -> {
            try (PinnedExchange exchange = PinnedExchange.send("GET", url, policy.resolve(url.toURI()), Map.of(), null,
                    TIMEOUT)) {
                exchange.body(10_000);
            }
        }));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);
    }

    @Test
    void postsTheBodyReadsAGzippedAnswerUpToTheBoundAndNeverFollowsARedirect() throws Exception {
        server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.createContext("/post", exchange -> {
            byte[] echo = exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = new GZIPOutputStream(exchange.getResponseBody())) {
                out.write(echo);
                out.write("y".repeat(5_000).getBytes(StandardCharsets.US_ASCII));
            }
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        URI base = URI.create("http://pinned.invalid:" + server.getAddress().getPort());

        URL post = base.resolve("/post").toURL();
        try (PinnedExchange exchange = PinnedExchange.send("POST", post, policy.resolve(post.toURI()),
                Map.of("Content-Type", "text/plain"), "hello".getBytes(StandardCharsets.UTF_8), TIMEOUT)) {
            assertEquals(200, exchange.status());
            PinnedExchange.Body body = exchange.body(105);
            assertArrayEquals(("hello" + "y".repeat(100)).getBytes(StandardCharsets.US_ASCII), body.bytes());
            assertTrue(body.truncated());
        }
        URL moved = base.resolve("/moved").toURL();
        try (PinnedExchange exchange = PinnedExchange.send("GET", moved, policy.resolve(moved.toURI()), Map.of(), null,
                TIMEOUT)) {
            assertEquals(302, exchange.status());
            assertEquals("/elsewhere", exchange.header("Location"));
            assertNull(exchange.header("X-None"));
            assertFalse(exchange.body(100).truncated());
        }
    }

    /** A raw server that sends {@code answer} a byte every 50 ms, never idle long enough for a read timeout. */
    private URL dripping(String answer) throws IOException {
        raw = new ServerSocket(0, 50, LOOPBACK);
        Thread t = new Thread(() -> {
            try (Socket socket = raw.accept()) {
                OutputStream out = socket.getOutputStream();
                for (byte b : answer.getBytes(StandardCharsets.US_ASCII)) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException e) {
                // the client hung up: what the test wants
            }
        });
        t.setDaemon(true);
        t.start();
        return new URL("http://drip.invalid:" + raw.getLocalPort() + "/");
    }
}
