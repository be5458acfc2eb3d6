package io.newswatch.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class StateStoreMetricTagsTest {

    @Test
    void storesOfDifferentKindsShareOneMetricWithOneSetOfTagKeys() {
        PrometheusMeterRegistry registry = ServiceMetrics.create("test");
        String name = "kafka.stream.state.oldest.iterator.open.since.ms";
        Gauge.builder(name, () -> 1).tag("rocksdb.window.state.id", "mentions").tag("task.id", "1_0").register(registry);
        Gauge.builder(name, () -> 2).tag("rocksdb.state.id", "raised-alerts").tag("task.id", "2_0").register(registry);

        String scrape = registry.scrape();
        assertTrue(scrape.contains("state_id=\"mentions\",store_type=\"rocksdb.window\""), scrape);
        assertTrue(scrape.contains("state_id=\"raised-alerts\",store_type=\"rocksdb\""), scrape);
        assertEquals(2, registry.find(name).gauges().size(), "both registered; without the filter the second is refused");
        registry.close();
    }
}
