package io.newswatch.index.alerts;

import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/alerts/stream}: server-sent events, one {@code alert} event per alert this
 * instance receives for the first time, and a heartbeat comment so proxies keep the connection.
 * Event ids are {@code receivedAt-millis:alertId}; a client reconnecting with
 * {@code Last-Event-ID} first gets what was received since then, from the index.
 */
public final class AlertStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertStream.class);
    static final String EVENT = "alert";
    static final int MAX_REPLAY = 1_000;

    private final AlertStore store;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;

    public AlertStream(AlertStore store, Duration heartbeatEvery, String service) {
        this.store = store;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, service + "-sse-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(this::beat, heartbeatEvery.toMillis(), heartbeatEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Serves one stream client until it goes away. */
    public void connect(SseClient client) {
        client.keepAlive();
        Listener listener = new Listener(client);
        client.onClose(() -> listeners.remove(listener));
        synchronized (listener) {
            listeners.add(listener);
            listener.replay(client.ctx().header("Last-Event-ID"));
        }
    }

    /** Sends a newly received alert to every client. */
    public void publish(AlertDocument alert) {
        listeners.forEach(l -> l.send(alert));
    }

    /** Connected clients (for metrics and tests). */
    public int clients() {
        return listeners.size();
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        listeners.forEach(l -> l.client.close());
        listeners.clear();
    }

    private void beat() {
        listeners.forEach(Listener::beat);
    }

    static String eventId(AlertDocument alert) {
        return alert.receivedAt().toEpochMilli() + ":" + alert.id();
    }

    /** The instant a Last-Event-ID names, or null when it names none. */
    static Instant receivedAt(String lastEventId) {
        if (lastEventId == null) return null;
        int colon = lastEventId.indexOf(':');
        try {
            return Instant.ofEpochMilli(Long.parseLong(colon < 0 ? lastEventId : lastEventId.substring(0, colon)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One client; sends are serialised per client (the consumer, the heartbeat and the replay share it). */
    private final class Listener {
        private final SseClient client;
        private final Set<String> replayed = new HashSet<>();

        Listener(SseClient client) {
            this.client = client;
        }

        synchronized void replay(String lastEventId) {
            Instant since = receivedAt(lastEventId);
            if (since == null) return;
            try {
                List<AlertDocument> missed = store.receivedSince(since, MAX_REPLAY);
                for (AlertDocument alert : missed) {
                    if (!eventId(alert).equals(lastEventId) && replayed.add(alert.id())) sendNow(alert);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("stream client not caught up since {}: {}", since, e.getMessage());
            }
        }

        synchronized void send(AlertDocument alert) {
            if (replayed.remove(alert.id())) return; // already sent by the replay
            sendNow(alert);
        }

        synchronized void beat() {
            if (!client.terminated()) client.sendComment("heartbeat");
        }

        private void sendNow(AlertDocument alert) {
            if (!client.terminated()) client.sendEvent(EVENT, alert, eventId(alert));
        }
    }
}
