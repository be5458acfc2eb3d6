package io.newswatch.enrich.enrichment;

import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.entities.GazetteerMatcher;
import java.util.Map;

/** First entity pass: mentions of the regional gazetteer's entries. */
final class EntityStage implements EnrichmentStage {
    private final GazetteerMatcher matcher;
    private final String kbVersion;

    EntityStage(Gazetteer gazetteer) {
        this.matcher = new GazetteerMatcher(gazetteer);
        this.kbVersion = gazetteer.versionTag();
    }

    @Override
    public Analysis apply(Analysis analysis) {
        return analysis.withEntities(matcher.find(analysis.text()));
    }

    @Override
    public Map<String, String> versions() {
        return Map.of("kb", kbVersion);
    }
}
