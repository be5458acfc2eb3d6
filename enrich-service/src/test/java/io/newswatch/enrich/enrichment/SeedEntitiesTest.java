package io.newswatch.enrich.enrichment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.entities.KbEntry;
import io.newswatch.enrich.language.LanguageDetector;
import io.newswatch.enrich.ner.CrfNameTagger;
import io.newswatch.enrich.sentiment.BundledSentimentModel;
import io.newswatch.enrich.testing.Articles;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EntityMention;
import io.newswatch.events.RawArticle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The "must show": every name of the seed article found, each linked to one id. */
class SeedEntitiesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final List<String> NAMES = List.of("Putin", "Aliyev", "Mehriban Aliyeva", "Pashinian", "Qasimli",
            "Melkonian", "Baku", "Moscow", "Yerevan", "Azerbaijan", "Armenia", "Russia", "Nagorno-Karabakh", "Ukraine",
            "Europe", "South Caucasus", "Civil Contract", "RFE/RL");
    private static final Set<String> PRONOUNS = Set.of("he", "she", "his", "her", "it", "its", "they", "them",
            "their", "we", "i", "you", "who");
    private static final RawArticle SEED = Articles.seed();
    /** Enriched once with the bundled knowledge base: enrichers load models, so the tests share this. */
    private static final EnrichedArticle ENRICHED = Enricher.standard(Gazetteer.bundled(), BundledSentimentModel.DEFAULT, CLOCK).enrich(SEED);

    @Test
    void everyNameOfTheSeedArticleIsLinkedToExactlyOneId() {
        EnrichedArticle enriched = ENRICHED;

        for (String name : NAMES) {
            assertEquals(1, idsOf(name, enriched.entities()).size(), name + ": " + idsOf(name, enriched.entities()));
        }
        assertEquals(CrfNameTagger.VERSION, enriched.versions().get("ner"));
    }

    @Test
    void namesOutsideTheKnowledgeBaseAreFoundByTheTaggerAndLinkedWithinTheDocument() {
        Gazetteer withoutThem = without(Gazetteer.bundled(), "Qasimli", "Melkonian", "Mehriban");
        Enricher entitiesOnly = new Enricher(List.of(new LanguageStage(LanguageDetector.shared()),
                new EntityStage(withoutThem)), CLOCK);
        List<EntityMention> entities = entitiesOnly.enrich(SEED).entities();

        assertEquals(Set.of("nw:person:azer-qasimli"), idsOf("Qasimli", entities));
        assertEquals(Set.of("nw:person:gagik-melkonian"), idsOf("Melkonian", entities));
        assertEquals(Set.of("nw:person:mehriban-aliyeva"), idsOf("Mehriban Aliyeva", entities));
        assertEquals(Set.of("Azer Qasimli", "Qasimli"), textsOf("nw:person:azer-qasimli", entities));
        for (String name : NAMES) assertEquals(1, idsOf(name, entities).size(), name);
    }

    @Test
    void theCaptionIsAnalysedAndOffsetsPointAtTheMentions() {
        EnrichedArticle enriched = ENRICHED;
        String analysed = EnrichedArticle.analysedText(SEED);
        String withCaption = analysed + "\n\n" + SEED.leadImage().caption();

        for (EntityMention m : enriched.entities()) assertEquals(m.text(), withCaption.substring(m.start(), m.end()));
        assertTrue(enriched.entities().stream()
                .anyMatch(m -> m.text().equals("Mehriban Aliyeva") && m.start() >= analysed.length() + 2));
    }

    @Test
    void theHeadlineGivesNoFalsePeopleAndNoPronounIsAnEntity() {
        List<EntityMention> entities = ENRICHED.entities();
        int titleEnd = SEED.title().length();

        Set<String> peopleInTitle = entities.stream().filter(m -> m.end() <= titleEnd && m.type().equals("PERSON"))
                .map(EntityMention::text).collect(Collectors.toSet());
        assertEquals(Set.of("Putin"), peopleInTitle);
        assertFalse(entities.stream().anyMatch(m -> PRONOUNS.contains(m.text().toLowerCase())), entities.toString());
    }

    /** Ids of the mentions containing {@code name} as whole words ("Putin" in "Vladimir Putin"). */
    private static Set<String> idsOf(String name, List<EntityMention> entities) {
        Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])");
        return entities.stream().filter(m -> word.matcher(m.text()).find())
                .map(m -> String.valueOf(m.canonicalId())).collect(Collectors.toSet());
    }

    private static Set<String> textsOf(String id, List<EntityMention> entities) {
        return entities.stream().filter(m -> id.equals(m.canonicalId())).map(EntityMention::text)
                .collect(Collectors.toSet());
    }

    /** The knowledge base without the entries having an alias that contains one of {@code words}. */
    private static Gazetteer without(Gazetteer kb, String... words) {
        List<KbEntry> kept = kb.entries().stream()
                .filter(e -> e.aliases().stream().noneMatch(a -> List.of(words).stream().anyMatch(a.text()::contains)))
                .toList();
        return new Gazetteer(kb.source(), kb.version(), kept);
    }
}
