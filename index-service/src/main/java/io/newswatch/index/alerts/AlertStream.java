package io.newswatch.index.alerts;

import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/alerts/stream}: server-sent events, one {@code alert} event per new alert, and a
 * heartbeat comment so proxies keep the connection. Event ids are {@code receivedAt-millis:alertId};
 * a client reconnecting with {@code Last-Event-ID} first gets what was received since then, from the
 * index.
 *
 * <p>Instances of index-service share the partitions of {@code news.alerts}, so each indexes only
 * some alerts. Those it indexes itself are sent at once; the others reach its clients through the
 * shared index, which a tail polls while clients are connected (about a second later).
 */
public final class AlertStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertStream.class);
    static final String EVENT = "alert";
    static final int MAX_REPLAY = 1_000;

    /** How far before the newest alert seen the tail looks again: other instances' clocks and index refreshes lag. */
    static final Duration TAIL_OVERLAP = Duration.ofSeconds(10);

    private final AlertStore store;
    private final int maxClients;
    private final Duration replayWindow;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    /** Ids of alerts already sent to the stream, so the tail sends only the others. */
    private final RecentIds sent = new RecentIds(10_000);
    /** When the first of the clients now connected came, or null while nobody listens; guarded by {@code this}. */
    private Instant listeningSince;
    /** The newest receivedAt the tail saw (at least when listening began); tail thread only. */
    private Instant tailNewest;

    /** A stream as {@code settings} say: heartbeat, tail, client cap and replay window. */
    public AlertStream(AlertStore store, AlertSettings settings, String service) {
        this(store, settings.heartbeat(), settings.streamTail(), service, settings.streamMaxClients(),
                settings.streamReplayWindow());
    }

    /**
     * @param heartbeatEvery interval of the heartbeat comment
     * @param tailEvery      interval at which alerts indexed by other instances are looked up (zero: never)
     * @param maxClients     most clients at once ({@link #full()})
     * @param replayWindow   how far back a {@code Last-Event-ID} is caught up
     */
    public AlertStream(AlertStore store, Duration heartbeatEvery, Duration tailEvery, String service, int maxClients,
                       Duration replayWindow) {
        this.store = store;
        this.maxClients = maxClients;
        this.replayWindow = replayWindow;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, service + "-sse");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(this::beat, heartbeatEvery.toMillis(), heartbeatEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        if (!tailEvery.isZero()) {
            scheduler.scheduleWithFixedDelay(this::tail, tailEvery.toMillis(), tailEvery.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Serves one stream client until it goes away. */
    public void connect(SseClient client) {
        client.keepAlive();
        Listener listener = new Listener(client);
        client.onClose(() -> listeners.remove(listener));
        synchronized (listener) {
            synchronized (this) {
                if (listeners.isEmpty()) listeningSince = Instant.now();
                listeners.add(listener);
            }
            listener.replay(client.ctx().header("Last-Event-ID"));
        }
    }

    /** Sends a newly received alert to every client. */
    public void publish(AlertDocument alert) {
        if (sent.add(alert.id())) listeners.forEach(l -> l.send(alert));
    }

    /** True when {@code maxClients} are connected: the route answers a new one 503 before the stream opens. */
    public boolean full() {
        return listeners.size() >= maxClients;
    }

    /** Connected clients (for metrics and tests). */
    public int clients() {
        return listeners.size();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        listeners.forEach(l -> l.client.close());
        listeners.clear();
    }

    private void beat() {
        listeners.forEach(Listener::beat);
    }

    /**
     * Sends alerts other instances indexed since the tail began. What was received before a client
     * connected is left to its Last-Event-ID replay.
     */
    private void tail() {
        Instant tailStart;
        synchronized (this) {
            if (listeners.isEmpty()) listeningSince = null;
            tailStart = listeningSince;
        }
        if (tailStart == null) return;
        if (tailNewest == null || tailNewest.isBefore(tailStart)) tailNewest = tailStart;
        try {
            for (AlertDocument alert : store.receivedSince(tailNewest.minus(TAIL_OVERLAP), MAX_REPLAY)) {
                if (alert.receivedAt().isAfter(tailNewest)) tailNewest = alert.receivedAt();
                if (alert.receivedAt().isBefore(tailStart)) {
                    sent.add(alert.id());
                } else {
                    publish(alert);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("alert tail not read: {}", e.getMessage()); // the next tick tries again
        }
    }

    static String eventId(AlertDocument alert) {
        return alert.receivedAt().toEpochMilli() + ":" + alert.id();
    }

    /** Where a replay from {@code since} starts: no earlier than {@code window} before {@code now}. */
    static Instant replayFrom(Instant since, Instant now, Duration window) {
        Instant earliest = now.minus(window);
        return since.isBefore(earliest) ? earliest : since;
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

    /** A bounded set of the most recent ids added. */
    private static final class RecentIds {
        private final Map<String, Boolean> ids;

        RecentIds(int capacity) {
            this.ids = new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > capacity;
                }
            };
        }

        /** True when {@code id} was not among them. */
        synchronized boolean add(String id) {
            return ids.put(id, Boolean.TRUE) == null;
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
            // A client gone longer than the window (or a forged "Last-Event-ID: 0") is caught up over the window
            // only; older alerts are in GET /api/alerts?since=.
            since = replayFrom(since, Instant.now(), replayWindow);
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
