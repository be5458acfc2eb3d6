package io.newswatch.support;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every Kafka Streams state-store metric one set of tag keys. Kafka names the store's id tag after the
 * store's kind ({@code rocksdb-state-id}, {@code rocksdb-window-state-id}, {@code in-memory-state-id}, ...), so
 * one metric name would carry different tag keys for the raised-alert store and the trending windows, and
 * Prometheus accepts only one set per name (the registry refused the second and warned). Here the id becomes
 * {@code state.id} and the kind {@code store.type}: the same facts, one shape.
 */
final class StateStoreMetricTags implements MeterFilter {
    private static final String SUFFIX = ".state.id";

    @Override
    public Meter.Id map(Meter.Id id) {
        List<Tag> tags = new ArrayList<>();
        boolean renamed = false;
        for (Tag tag : id.getTagsAsIterable()) {
            String key = tag.getKey();
            if (key.endsWith(SUFFIX) && !key.equals("state.id")) {
                tags.add(Tag.of("state.id", tag.getValue()));
                tags.add(Tag.of("store.type", key.substring(0, key.length() - SUFFIX.length())));
                renamed = true;
            } else {
                tags.add(tag);
            }
        }
        return renamed ? id.replaceTags(tags) : id;
    }
}
