package io.newswatch.enrich.enrichment;

import java.util.Map;

/**
 * One step of enrichment (language, entities; later sentiment, topics). Stages run in order,
 * each seeing what the earlier ones found. A stage is pure: no I/O, no logging, thread-safe.
 */
public interface EnrichmentStage {

    /** The analysis with this stage's findings added. */
    Analysis apply(Analysis analysis);

    /** Versions of the models or data this stage uses, recorded on enriched articles. */
    Map<String, String> versions();
}
