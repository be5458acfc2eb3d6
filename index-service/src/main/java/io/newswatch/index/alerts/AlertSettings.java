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
 */
public record AlertSettings(String groupId, String index, Duration heartbeat, Duration streamTail,
                            Duration maxBackoff) {}
