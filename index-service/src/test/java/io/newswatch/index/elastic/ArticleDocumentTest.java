package io.newswatch.index.elastic;

import static io.newswatch.index.Articles.article;
import static io.newswatch.index.Articles.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EntityMention;
import io.newswatch.events.LeadImage;
import io.newswatch.events.RawArticle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleDocumentTest {
    private static final Instant PUBLISHED = Instant.parse("2025-03-09T12:00:00Z");

    @Test
    void entitiesAreCountedOncePerCanonicalIdMostMentionedFirst() {
        EnrichedArticle a = article("https://example.am/1", "example.am", "Talks", "Aliyev met Pashinyan. Pashinian said",
                PUBLISHED, entity("Q1", "Ilham Aliyev", "PERSON", "Aliyev", 0),
                entity("Q2", "Nikol Pashinyan", "PERSON", "Pashinyan", 11),
                entity("Q2", "Nikol Pashinyan", "PERSON", "Pashinian", 22),
                new EntityMention("Yerevan", "LOCATION", 30, 37, null, null, "AM", null));

        ArticleDocument doc = ArticleDocument.of(a);

        assertEquals(List.of("Nikol Pashinyan", "Ilham Aliyev", "Yerevan"),
                doc.entities().stream().map(ArticleDocument.IndexedEntity::displayName).toList());
        assertEquals(2, doc.entities().get(0).mentions());
        assertEquals(List.of("Q2", "Q1"), doc.entityIds());
        assertEquals(List.of("Nikol Pashinyan", "Q2", "Pashinyan", "Ilham Aliyev", "Q1", "Aliyev", "Yerevan"),
                doc.entityTerms());
    }

    @Test
    void keepsTheArticleFieldsAndFallsBackToTheDeclaredLanguage() {
        EnrichedArticle a = article("https://example.am/2", "example.am", "Title", "Body", PUBLISHED);
        EnrichedArticle undetected = new EnrichedArticle(1, a.article(), null, List.of(), null, List.of(),
                a.enrichedAt(), null);

        ArticleDocument doc = ArticleDocument.of(undetected);

        assertEquals(a.id(), doc.id());
        assertEquals("en", doc.language());
        assertEquals(PUBLISHED, doc.publishedAt());
        assertEquals(a.article().firstSeenAt(), doc.firstSeenAt());
    }

    @Test
    void carriesCountriesMentionsWithOffsetsTheLeadImageAndSyndicatedCopies() {
        EnrichedArticle a = article("https://example.am/4", "example.am", "Talks", "In Yerevan and Baku and Yerevan",
                PUBLISHED, new EntityMention("Yerevan", "LOCATION", 10, 17, "Q1953", "Yerevan", "AM", null),
                new EntityMention("Baku", "LOCATION", 22, 26, "Q9248", "Baku", "AZ", null),
                new EntityMention("Yerevan", "LOCATION", 31, 38, "Q1953", "Yerevan", "AM", null));
        RawArticle raw = a.article().withLeadImage(new LeadImage("https://example.am/i.jpg", "The border"))
                .withOtherUrls(List.of("https://copy.example/4"));

        ArticleDocument doc = ArticleDocument.of(new EnrichedArticle(1, raw, "en", a.entities(), a.sentiment(),
                a.topics(), a.enrichedAt(), null));

        assertEquals(List.of("AM", "AZ"), doc.countries());
        assertEquals(3, doc.mentions().size());
        assertEquals(31, doc.mentions().get(2).start());
        assertEquals("The border", doc.leadImage().caption());
        assertEquals(List.of("https://copy.example/4"), doc.otherUrls());
        assertEquals(List.of("diplomacy"), doc.topics());
    }

    @Test
    void refusesAnIdElasticsearchCannotStore() {
        EnrichedArticle a = article("https://example.am/3", "example.am", "T", "B", PUBLISHED);
        RawArticle raw = a.article();
        RawArticle longId = new RawArticle(1, "x".repeat(513), raw.url(), raw.canonicalUrl(), raw.source(), raw.title(),
                raw.authors(), raw.publishedAt(), null, raw.firstSeenAt(), null, null, raw.text(), 0, null, List.of());

        assertThrows(IllegalArgumentException.class, () -> ArticleDocument.of(
                new EnrichedArticle(1, longId, "en", List.of(), null, List.of(), a.enrichedAt(), null)));
    }
}
