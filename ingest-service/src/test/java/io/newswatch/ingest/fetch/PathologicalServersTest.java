package io.newswatch.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.newswatch.ingest.LocalWebServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Servers that answer with 50 MB bodies or drip their answer byte by byte: each bounded and reported. */
class PathologicalServersTest {
    private static final int FIFTY_MB = 50 * 1024 * 1024;
    private static final int MAX_BYTES = 5_000_000; // the default fetch.max-body-bytes
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final Fetcher fetcher = new Fetcher(new FetchSettings("newswatch-test/1.0", TIMEOUT, MAX_BYTES));
    /** fetch.timeout bounds a whole exchange: the cap, not the clock, must end reading 50 MB on a busy machine. */
    private final Fetcher patient = new Fetcher(new FetchSettings("newswatch-test/1.0", Duration.ofSeconds(60),
            MAX_BYTES));

    @Test
    void fiftyMegabytesWithALengthAreRefusedAndWithoutOneAreCutAtTheCap() throws Exception {
        byte[] body = fiftyMegabytePage();
        try (LocalWebServer web = new LocalWebServer()) {
            web.serveBytes("/declared", "text/html", body).serveChunked("/chunked", "text/html", body);

            FetchException refused = assertThrows(FetchException.class, () -> patient.fetchPage(web.url("/declared"), true));
            FetchedPage capped = patient.fetchPage(web.url("/chunked"), true);

            assertEquals(FetchException.Category.TOO_LARGE, refused.category());
            assertTrue(refused.getMessage().contains(FIFTY_MB + " bytes"), refused.getMessage());
            assertTrue(capped.truncated());
            assertTrue(capped.document().body().text().length() <= MAX_BYTES);
        }
    }

    @Test
    void aSlowDripServerIsCutOffByTheTimeout() throws Exception {
        HttpServer drip = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        drip.setExecutor(Executors.newCachedThreadPool());
        drip.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<html><body><p>".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 600; i++) { // a byte every 100 ms: never idle long enough for a socket timeout
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // the client gave up: what the test wants
            }
        });
        drip.start();
        try {
            String url = "http://127.0.0.1:" + drip.getAddress().getPort() + "/slow";

            FetchException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(FetchException.class, () -> fetcher.fetchPage(url, true)));

            assertEquals(FetchException.Category.NETWORK, e.category(), e.getMessage());
            assertTrue(e.isTransient());
        } finally {
            drip.stop(0);
            ((java.util.concurrent.ExecutorService) drip.getExecutor()).shutdownNow();
        }
    }

    private static byte[] fiftyMegabytePage() {
        byte[] head = "<html><body><p>start</p><p>".getBytes(StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOf(head, FIFTY_MB);
        Arrays.fill(body, head.length, body.length, (byte) 'y');
        return body;
    }
}
