package io.newswatch.index;

import io.newswatch.events.Alert;
import io.newswatch.events.ArticleId;
import io.newswatch.events.EventJson;
import io.newswatch.events.Topic;
import io.newswatch.events.Topics;
import io.newswatch.support.Settings;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** An index-service started with some settings, an HTTP client to it and a producer to its broker. */
final class RunningIndex implements AutoCloseable {
    private final IndexService service;
    private final KafkaProducer<String, byte[]> producer;
    final Http http;

    RunningIndex(Settings settings) {
        IndexConfig config = IndexConfig.from(settings);
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", config.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
        this.service = IndexService.start(config);
        this.http = new Http(service.port());
    }

    /** Writes {@code value} for {@code key} to {@code topic}, acknowledged. */
    <V> void produce(Topic<String, V> topic, String key, V value) throws Exception {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        producer.send(new ProducerRecord<>(topic.name(), key, bytes)).get(10, TimeUnit.SECONDS);
    }

    /** Writes an alert of rule {@code ruleId} about the article at {@code url}, as enrich-service would. */
    Alert produceAlert(String ruleId, String url) throws Exception {
        String articleId = ArticleId.of(url);
        Alert alert = new Alert(Alert.SCHEMA_VERSION, Alert.idFor(ruleId, articleId), ruleId, "rule", articleId, url,
                "Title of " + url, "news.am", Instant.parse("2025-03-09T12:00:00Z"), Instant.now());
        producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.id(), EventJson.write(alert))).get(10,
                TimeUnit.SECONDS);
        return alert;
    }

    @Override
    public void close() {
        producer.close();
        service.close();
    }
}
