package io.newswatch.index.alerts;

import java.time.Duration;

/**
 * How alerts are consumed and served.
 *
 * @param groupId    consumer group reading {@code news.alerts} ({@code alerts.group-id})
 * @param index      the Elasticsearch index of alert history ({@code alerts.index})
 * @param heartbeat  interval of the stream's heartbeat comment ({@code alerts.heartbeat})
 * @param streamTail interval at which the stream looks up alerts other instances indexed ({@code alerts.stream-tail})
 * @param maxBackoff longest pause between retries while Elasticsearch is away ({@code retry.max-backoff})
 * @param streamMaxClients    most live-stream clients at once; more get 503 ({@code alerts.stream-max-clients})
 * @param streamReplayWindow  how far back a reconnecting client's {@code Last-Event-ID} is caught up
 *                            ({@code alerts.stream-replay-window})
 */
public record AlertSettings(String groupId, String index, Duration heartbeat, Duration streamTail,
                            Duration maxBackoff, int streamMaxClients, Duration streamReplayWindow) {
    public AlertSettings {
        if (streamMaxClients < 1) {
            throw new io.newswatch.support.ConfigException("alerts.stream-max-clients must be >= 1, was "
                    + streamMaxClients);
        }
    }

    /** Defaults for tests: 100 stream clients, caught up over the last hour. */
    public AlertSettings(String groupId, String index, Duration heartbeat, Duration streamTail, Duration maxBackoff) {
        this(groupId, index, heartbeat, streamTail, maxBackoff, 100, Duration.ofHours(1));
    }
}
