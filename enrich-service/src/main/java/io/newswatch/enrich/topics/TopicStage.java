package io.newswatch.enrich.topics;

import io.newswatch.enrich.enrichment.Analysis;
import io.newswatch.enrich.enrichment.EnrichmentStage;
import java.util.Map;

/** Adds topic tags (taxonomy slugs) to an analysis, whatever its language. */
public final class TopicStage implements EnrichmentStage {
    private final TopicTagger tagger;
    private final String version;

    public TopicStage(Taxonomy taxonomy) {
        this.tagger = new TopicTagger(taxonomy);
        this.version = taxonomy.version();
    }

    /** A stage with the bundled taxonomy. */
    public static TopicStage bundled() {
        return new TopicStage(Taxonomy.bundled());
    }

    @Override
    public Analysis apply(Analysis analysis) {
        return analysis.withTopics(tagger.tag(analysis.text()));
    }

    @Override
    public Map<String, String> versions() {
        return Map.of("topics", version);
    }
}
