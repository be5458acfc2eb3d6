package io.newswatch.index;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on a loopback port: answers the first {@code failures} POSTs with 503, then 200. */
final class WebhookReceiver implements AutoCloseable {
    /** One POST as received. */
    record Post(int status, byte[] body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final AtomicInteger failuresLeft;
    private final List<Post> posts = new CopyOnWriteArrayList<>();

    WebhookReceiver(int failures) throws IOException {
        this.failuresLeft = new AtomicInteger(failures);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Post> posts() {
        return List.copyOf(posts);
    }

    List<Post> accepted() {
        return posts.stream().filter(p -> p.status() == 200).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
        posts.add(new Post(status, body, Map.copyOf(exchange.getRequestHeaders())));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
