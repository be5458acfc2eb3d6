package io.newswatch.enrich.trending;

import com.fasterxml.jackson.core.type.TypeReference;
import io.newswatch.enrich.topology.MentionWindows;
import io.newswatch.enrich.topology.MentionWindows.WindowCount;
import io.newswatch.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Reads the mention counts of the stream's state stores (Kafka Streams interactive queries). Each
 * key's counts live in one task, so the local stores answer for the keys this instance holds; when
 * {@code streams.application-server} is set, every other instance holding the store is asked for
 * its own top keys over HTTP ({@code scope=local}) and the lists are merged.
 */
public final class TrendingQuery {
    private static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(5);
    private static final TypeReference<List<TrendingItem>> ITEMS = new TypeReference<>() {};

    private final KafkaStreams streams;
    private final MentionWindows windows;
    private final Duration baseline;
    private final Clock clock;
    private final HostInfo self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REMOTE_TIMEOUT).build();

    /**
     * @param self this instance's {@code application.server}, or null when it runs alone
     */
    public TrendingQuery(KafkaStreams streams, MentionWindows windows, Duration baseline, Clock clock, HostInfo self) {
        this.streams = streams;
        this.windows = windows;
        this.baseline = baseline;
        this.clock = clock;
        this.self = self;
    }

    /** The most mentioned keys of the request's kind in its window, most first. */
    List<TrendingItem> query(TrendingRequest request) {
        List<TrendingItem> items = new ArrayList<>(local(request));
        if (self == null || request.local()) return items;
        for (StreamsMetadata instance : streams.streamsMetadataForStore(MentionWindows.COUNTS_STORE)) {
            if (!instance.hostInfo().equals(self)) items.addAll(remote(instance.hostInfo(), request));
        }
        items.sort(Comparator.comparingLong(TrendingItem::count).reversed().thenComparing(TrendingItem::id));
        return items.stream().limit(request.limit()).toList();
    }

    private List<TrendingItem> local(TrendingRequest request) {
        ReadOnlyWindowStore<String, Long> counts = streams.store(StoreQueryParameters.fromNameAndType(
                MentionWindows.COUNTS_STORE, QueryableStoreTypes.windowStore()));
        ReadOnlyKeyValueStore<String, String> names = streams.store(StoreQueryParameters.fromNameAndType(
                MentionWindows.NAMES_STORE, QueryableStoreTypes.keyValueStore()));
        List<WindowCount> top = windows.top(counts, request.keyPrefix(), clock.instant(), request.window(), baseline,
                request.limit());
        return top.stream().map(c -> item(c, request, names.get(c.key()))).toList();
    }

    private static TrendingItem item(WindowCount count, TrendingRequest request, String name) {
        String id = count.key().substring(request.keyPrefix().length());
        return new TrendingItem(id, name == null ? id : name, count.count(), round(count.baseline()),
                round(count.ratio()));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private List<TrendingItem> remote(HostInfo host, TrendingRequest request) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + "/api/trending?scope=local&kind="
                + request.kind() + "&limit=" + request.limit() + "&window="
                + URLEncoder.encode(request.window().toString(), StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(REMOTE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new TrendingUnavailableException("instance " + host + " answered " + response.statusCode(), null);
            }
            return EventJson.mapper().readValue(response.body(), ITEMS);
        } catch (IOException e) {
            throw new TrendingUnavailableException("instance " + host + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrendingUnavailableException("interrupted while asking " + host, e);
        }
    }

    /** The counts cannot be read right now (rebalancing, restoring, another instance down): a 503. */
    static final class TrendingUnavailableException extends RuntimeException {
        TrendingUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
