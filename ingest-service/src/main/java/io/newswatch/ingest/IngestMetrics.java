package io.newswatch.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The counters ingest-service exposes on /metrics, tagged by source (and reason for failures). */
final class IngestMetrics {
    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void polled(String source, boolean ok) {
        counter("ingest.polls", "source", source, "outcome", ok ? "ok" : "failed").increment();
    }

    void listed(String source, int links) {
        counter("ingest.links.listed", "source", source).increment(links);
    }

    void published(String source) {
        counter("ingest.articles.published", "source", source).increment();
    }

    void failed(String source, String reason) {
        counter("ingest.pages.failed", "source", source, "reason", reason).increment();
    }

    void unchanged(String source) {
        counter("ingest.listings.unchanged", "source", source).increment();
    }

    void duplicate(String source, String kind) {
        counter("ingest.duplicates", "source", source, "kind", kind).increment();
    }

    /** A bound ({@code max-bytes}, {@code max-urls}, {@code max-children}) cut one of the source's sitemaps short. */
    void sitemapCut(String source, String reason) {
        counter("ingest.sitemaps.cut", "source", source, "reason", reason).increment();
    }

    void deadLettered(String source) {
        counter("ingest.dead.letters", "source", source).increment();
    }

    private Counter counter(String name, String... tags) {
        return Counter.builder(name).tags(tags).register(registry);
    }
}
