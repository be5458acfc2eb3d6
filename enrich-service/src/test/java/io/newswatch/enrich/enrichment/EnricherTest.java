package io.newswatch.enrich.enrichment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.sentiment.BundledSentimentModel;
import io.newswatch.enrich.topics.Taxonomy;
import io.newswatch.enrich.testing.Articles;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EntityMention;
import io.newswatch.events.RawArticle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnricherTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Gazetteer KB = Gazetteer.bundled();
    private final Enricher enricher = Enricher.standard(KB, BundledSentimentModel.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void enrichesAnArticleWithLanguageEntitiesAndVersions() {
        RawArticle raw = Articles.pashinyanArticle("https://example.am/1");
        EnrichedArticle enriched = enricher.enrich(raw);

        assertSame(raw, enriched.article());
        assertEquals("en", enriched.language());
        assertEquals(NOW, enriched.enrichedAt());
        assertEquals(Set.of("enricher", "language", "kb", "ner", "sentiment", "topics"), enriched.versions().keySet());
        assertEquals("lingua-1.2.2", enriched.versions().get("language"));
        assertEquals(KB.versionTag(), enriched.versions().get("kb"));
        assertEquals(BundledSentimentModel.DEFAULT.model().version(), enriched.versions().get("sentiment"));
        assertEquals(Taxonomy.bundled().version(), enriched.versions().get("topics"));
        List<String> ids = enriched.entities().stream().map(EntityMention::canonicalId).toList();
        assertEquals(List.of("Q7035479", "Q7035479", "Q1953", "Q227"), ids);
    }

    @Test
    void theSentimentModelSettingChoosesTheModelAndTheRecordedVersion() {
        Enricher lexical = Enricher.standard(KB, BundledSentimentModel.LEXICAL, Clock.fixed(NOW, ZoneOffset.UTC));
        String minilmVersion = enricher.versions().get("sentiment");
        String lexicalVersion = lexical.versions().get("sentiment");
        assertTrue(minilmVersion.startsWith("newsmtsc-lr-minilm-"), minilmVersion);
        assertTrue(lexicalVersion.startsWith("newsmtsc-lr-") && !lexicalVersion.equals(minilmVersion), lexicalVersion);
        assertEquals(BundledSentimentModel.LEXICAL.model().version(), lexicalVersion);
        EnrichedArticle enriched = lexical.enrich(Articles.pashinyanArticle("https://example.am/4"));
        assertEquals(lexicalVersion, enriched.versions().get("sentiment"));
        assertNotNull(enriched.sentiment());
    }

    @Test
    void entityOffsetsReferToTheAnalysedTextTitleBlankLineBody() {
        EnrichedArticle enriched = enricher.enrich(Articles.pashinyanArticle("https://example.am/2"));
        String analysed = EnrichedArticle.analysedText(enriched.article());
        for (EntityMention mention : enriched.entities()) {
            assertEquals(mention.text(), analysed.substring(mention.start(), mention.end()));
        }
        assertTrue(enriched.entities().get(1).start() > enriched.article().title().length());
    }

    @Test
    void givesEnglishArticlesADocumentSentimentEveryMentionASentimentAndTopics() {
        EnrichedArticle enriched = enricher.enrich(Articles.pashinyanArticle("https://example.am/3"));
        assertNotNull(enriched.sentiment());
        assertTrue(enriched.entities().stream().allMatch(e -> e.sentiment() != null));
        assertEquals(List.of("peace-process"), enriched.topics());
    }

    @Test
    void leavesSentimentOutForLanguagesTheModelHasNotLearnedButStillTagsTopics() {
        Analysis russian = enricher.analyse("Пашинян заявил, что мирный договор с Азербайджаном готов.", null);
        assertEquals("ru", russian.language());
        assertNull(russian.sentiment());
        assertTrue(russian.entities().stream().allMatch(e -> e.sentiment() == null));
        assertEquals(List.of("peace-process"), russian.topics());
    }

    @Test
    void fallsBackToTheDeclaredLanguageOnlyWhenDetectionCannotTell() {
        assertEquals("hy", enricher.analyse("Baku", "hy-AM").language());
        assertEquals("en", enricher.analyse("Armenia and Azerbaijan agreed on a treaty.", "ru").language());
        assertNull(enricher.analyse("Baku", "xx").language());
    }

    @Test
    void stagesRunInOrderAndSeeEarlierFindings() {
        EnrichmentStage tagsRussian = new EnrichmentStage() {
            @Override
            public Analysis apply(Analysis analysis) {
                return new Analysis(analysis.text(), analysis.declaredLanguage(), analysis.language(),
                        analysis.entities(), null, List.of("lang:" + analysis.language()));
            }

            @Override
            public Map<String, String> versions() {
                return Map.of("topics", "test-1");
            }
        };
        List<EnrichmentStage> stages = Enricher.standardStages(io.newswatch.enrich.language.LanguageDetector.shared(), KB,
                BundledSentimentModel.DEFAULT);
        stages.add(tagsRussian);
        Enricher extended = new Enricher(stages, Clock.systemUTC());
        assertEquals(List.of("lang:ru"), extended.analyse("Пашинян заявил, что мирный договор готов.", null).topics());
        assertEquals("test-1", extended.versions().get("topics"));
    }
}
