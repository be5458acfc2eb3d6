package io.newswatch.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A real JDK HTTP server on loopback serving canned responses, for fetch and service tests. */
public final class LocalWebServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Response> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private record Response(int status, String contentType, byte[] body, boolean chunked, String location) {}

    public LocalWebServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code body} at {@code path} with a Content-Length. */
    public LocalWebServer serve(String path, int status, String contentType, String body) {
        routes.put(path, new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), false, null));
        return this;
    }

    /** Serves {@code body} at {@code path} chunked, without announcing its length. */
    public LocalWebServer serveChunked(String path, String contentType, byte[] body) {
        routes.put(path, new Response(200, contentType, body, true, null));
        return this;
    }

    /** Redirects {@code path} to {@code location}. */
    public LocalWebServer redirect(String path, String location) {
        routes.put(path, new Response(302, "text/plain", new byte[0], false, location));
        return this;
    }

    /** The absolute URL of {@code path} on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How many requests {@code path} received. */
    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Response response = routes.getOrDefault(path,
                new Response(404, "text/html", "<html><body>not found</body></html>".getBytes(StandardCharsets.UTF_8),
                        false, null));
        exchange.getResponseHeaders().add("Content-Type", response.contentType());
        if (response.location() != null) exchange.getResponseHeaders().add("Location", response.location());
        exchange.sendResponseHeaders(response.status(), response.chunked() ? 0 : response.body().length == 0 ? -1
                : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        } catch (IOException e) {
            // the client stopped reading (a capped body): nothing to do
        }
    }
}
