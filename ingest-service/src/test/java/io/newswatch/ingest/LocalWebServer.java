package io.newswatch.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A real JDK HTTP server on loopback serving canned responses, for fetch and service tests. It
 * answers a conditional GET with 304 when the route's ETag or Last-Modified matches, can answer a
 * path differently the first few times ({@link #serveFirst}), and records when each request came.
 */
public final class LocalWebServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Response> routes = new ConcurrentHashMap<>();
    private final Map<String, Queue<Response>> firstResponses = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> hitNanos = new ConcurrentHashMap<>();

    private record Response(int status, String contentType, byte[] body, boolean chunked, Map<String, String> headers) {}

    public LocalWebServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4)); // concurrent requests, as a real site
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code body} at {@code path} with a Content-Length. */
    public LocalWebServer serve(String path, int status, String contentType, String body) {
        return serve(path, status, contentType, body, Map.of());
    }

    /** Serves {@code body} at {@code path} with extra response headers (ETag, Retry-After, ...). */
    public LocalWebServer serve(String path, int status, String contentType, String body, Map<String, String> headers) {
        routes.put(path, new Response(status, contentType, bytes(body), false, headers));
        return this;
    }

    /** Serves {@code body} at {@code path} as raw bytes (another charset, gzip). */
    public LocalWebServer serveBytes(String path, String contentType, byte[] body) {
        routes.put(path, new Response(200, contentType, body, false, Map.of()));
        return this;
    }

    /** Answers the next request for {@code path} with this, before its route; queued in call order. */
    public LocalWebServer serveFirst(String path, int status, Map<String, String> headers) {
        firstResponses.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>())
                .add(new Response(status, "text/plain", bytes("status " + status), false, headers));
        return this;
    }

    /** Serves {@code body} at {@code path} chunked, without announcing its length. */
    public LocalWebServer serveChunked(String path, String contentType, byte[] body) {
        routes.put(path, new Response(200, contentType, body, true, Map.of()));
        return this;
    }

    /** Redirects {@code path} to {@code location}. */
    public LocalWebServer redirect(String path, String location) {
        routes.put(path, new Response(302, "text/plain", new byte[0], false, Map.of("Location", location)));
        return this;
    }

    /** The absolute URL of {@code path} on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How many requests {@code path} received. */
    public int hits(String path) {
        return hitTimes(path).size();
    }

    /** When (System.nanoTime) each request for {@code path} arrived, in order. */
    public List<Long> hitTimes(String path) {
        List<Long> times = hitNanos.getOrDefault(path, List.of());
        synchronized (times) {
            return new ArrayList<>(times);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        List<Long> times = hitNanos.computeIfAbsent(path, p -> Collections.synchronizedList(new ArrayList<>()));
        times.add(System.nanoTime());
        Response response = respondTo(exchange, path);
        exchange.getResponseHeaders().add("Content-Type", response.contentType());
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        boolean empty = response.body().length == 0 || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), response.chunked() ? 0 : empty ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!empty) out.write(response.body());
        } catch (IOException e) {
            // the client stopped reading (a capped body): nothing to do
        }
    }

    private Response respondTo(HttpExchange exchange, String path) {
        Queue<Response> first = firstResponses.get(path);
        Response once = first == null ? null : first.poll();
        if (once != null) return once;
        Response route = routes.getOrDefault(path, new Response(404, "text/html",
                bytes("<html><body>not found</body></html>"), false, Map.of()));
        return notModified(exchange, route) ? new Response(304, route.contentType(), new byte[0], false, Map.of())
                : route;
    }

    private static boolean notModified(HttpExchange exchange, Response route) {
        String etag = route.headers().get("ETag");
        String modified = route.headers().get("Last-Modified");
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        return etag != null && etag.equals(ifNoneMatch) || modified != null && modified.equals(ifModifiedSince);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
