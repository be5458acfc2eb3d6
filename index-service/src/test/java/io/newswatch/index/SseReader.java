package io.newswatch.index;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** A server-sent events client that records every event and counts comments (heartbeats). */
final class SseReader implements AutoCloseable {
    /** One event: its id, name and data. */
    record Event(String id, String name, String data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private String id;
    private String name;
    private final StringBuilder data = new StringBuilder();

    SseReader(String url, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        response = HttpClient.newHttpClient().sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> r.body().forEach(this::line));
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    int comments() {
        return comments.get();
    }

    private synchronized void line(String line) {
        if (line.isEmpty()) {
            if (data.length() > 0 || name != null) events.add(new Event(id, name, data.toString()));
            id = null;
            name = null;
            data.setLength(0);
        } else if (line.startsWith(":")) {
            comments.incrementAndGet();
        } else if (line.startsWith("id:")) {
            id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
            name = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
            data.append(line.substring(5).trim());
        }
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
