package io.newswatch.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawArticleTest {
    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void idIsAStableHashOfTheCanonicalUrl() {
        RawArticle a = RawArticle.of("https://x.am/a?utm=1", "https://x.am/a", "x.am", "t", List.of(), null, null,
                NOW, null, "body");
        RawArticle b = RawArticle.of("https://m.x.am/a", "https://x.am/a", "x.am", "t2", List.of(), null, null,
                NOW.plusSeconds(60), null, "other body");
        assertEquals(a.id(), b.id());
        assertEquals(ArticleId.of("https://x.am/a"), a.id());
        assertEquals(32, a.id().length());
        assertNotEquals(a.id(), ArticleId.of("https://x.am/b"));
    }

    @Test
    void textOverTheCapIsCutAndTheOriginalLengthKept() {
        String huge = "a".repeat(RawArticle.MAX_TEXT_CHARS + 10);
        RawArticle article = RawArticle.of("https://x.am/a", null, "x.am", "t", List.of(), null, null, NOW, null, huge);
        assertEquals(RawArticle.MAX_TEXT_CHARS, article.text().length());
        assertEquals(huge.length(), article.textLength());
        assertTrue(article.textTruncated());
        assertTrue(EventJson.write(article).length < 1_000_000, "fits in a default Kafka message");
    }

    @Test
    void shortTextIsNotMarkedTruncated() {
        RawArticle article = RawArticle.of("https://x.am/a", null, "x.am", "t", List.of(), null, null, NOW, null, "b");
        assertFalse(article.textTruncated());
        assertEquals("https://x.am/a", article.canonicalUrl());
    }

    @Test
    void requiredFieldsAreNamedWhenMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RawArticle.of("https://x.am/a", null, " ", "t", List.of(), null, null, NOW, null, "b"));
        assertEquals("RawArticle.source is required and must not be blank", e.getMessage());
    }

    @Test
    void alertIdDependsOnRuleAndArticleOnly() {
        assertEquals(Alert.idFor("rule-1", "article-1"), Alert.idFor("rule-1", "article-1"));
        assertNotEquals(Alert.idFor("rule-1", "article-1"), Alert.idFor("rule-2", "article-1"));
        assertNotEquals(Alert.idFor("ab", "c"), Alert.idFor("a", "bc"));
    }

    @Test
    void entityOffsetsMustBeAnInterval() {
        assertThrows(IllegalArgumentException.class,
                () -> new EntityMention("Baku", "LOCATION", 5, 5, null, null, null, null));
    }

    @Test
    void sentimentScoreOutsideTheRangeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sentiment(1.5, Sentiment.Label.POSITIVE));
        assertTrue(e.getMessage().contains("[-1, 1]"));
    }
}
