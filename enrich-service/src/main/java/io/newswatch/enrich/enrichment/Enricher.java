package io.newswatch.enrich.enrichment;

import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.language.LanguageDetector;
import io.newswatch.enrich.sentiment.BundledSentimentModel;
import io.newswatch.enrich.sentiment.SentimentStage;
import io.newswatch.enrich.topics.TopicStage;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.RawArticle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the enrichment stages over an article or a bare text. The stream and the
 * {@code annotate} tool both call {@link #analyse}, so they give the same answers.
 *
 * <p>Pure and thread-safe: no I/O, no logging (models and data files are read when the stages
 * are built).
 */
public final class Enricher {
    /** Version of the enrichment logic; bump it when the same input would give different output. */
    public static final String VERSION = "5"; // 5: English names on headlines, all-caps and title-case lines (recased)

    private final List<EnrichmentStage> stages;
    private final Clock clock;
    private final Map<String, String> versions;

    /** An enricher running {@code stages} in order, stamping articles with {@code clock}'s time. */
    public Enricher(List<EnrichmentStage> stages, Clock clock) {
        this.stages = List.copyOf(stages);
        this.clock = clock;
        Map<String, String> all = new LinkedHashMap<>();
        all.put("enricher", VERSION);
        this.stages.forEach(stage -> all.putAll(stage.versions()));
        this.versions = Map.copyOf(all);
    }

    /**
     * The standard stages: language detection (shared Lingua detector), entities (the gazetteer in every
     * language, plus CoreNLP's name tagger on English text, shared per JVM and loaded by the first English
     * article), sentiment (English; {@code sentiment}, the setting {@code sentiment.model}), then topics
     * (the bundled taxonomy). The service and every tool that enriches build their stages here.
     */
    public static Enricher standard(Gazetteer gazetteer, BundledSentimentModel sentiment, Clock clock) {
        return new Enricher(standardStages(LanguageDetector.shared(), gazetteer, sentiment), clock);
    }

    /**
     * The standard stages, for callers that add their own after them or time each one. Reads the
     * sentiment model now (with its sentence encoder, if it has one), so the first article is not held up.
     */
    public static List<EnrichmentStage> standardStages(LanguageDetector detector, Gazetteer gazetteer,
                                                       BundledSentimentModel sentiment) {
        return new ArrayList<>(List.of(new LanguageStage(detector), new EntityStage(gazetteer),
                SentimentStage.of(sentiment), TopicStage.bundled()));
    }

    /**
     * The entity stage alone (the knowledge base, and CoreNLP's names in English text), exactly as the standard
     * stages run it: for tools that measure entities ({@code bench-ner}).
     */
    public static EnrichmentStage entityStage(Gazetteer gazetteer) {
        return new EntityStage(gazetteer);
    }

    /** Runs every stage over {@code text} (a text without headline). */
    public Analysis analyse(String text, String declaredLanguage) {
        return analyse(Analysis.of(text, declaredLanguage));
    }

    /** Runs every stage, starting from {@code start}. */
    public Analysis analyse(Analysis start) {
        Analysis analysis = start;
        for (EnrichmentStage stage : stages) analysis = stage.apply(analysis);
        return analysis;
    }

    /**
     * The enriched form of {@code article}; entity offsets refer to {@link EnrichedArticle#analysedText},
     * extended by the lead image's caption ({@link Analysis#ofArticle}).
     */
    public EnrichedArticle enrich(RawArticle article) {
        Analysis analysis = analyse(Analysis.ofArticle(article));
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, article, analysis.language(), analysis.entities(),
                analysis.sentiment(), analysis.topics(), clock.instant(), versions);
    }

    /**
     * What produced the output: {@code enricher}, {@code language}, {@code kb}, {@code ner}, {@code sentiment},
     * {@code topics}.
     */
    public Map<String, String> versions() {
        return versions;
    }
}
