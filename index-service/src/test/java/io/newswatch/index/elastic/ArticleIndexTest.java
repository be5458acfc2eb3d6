package io.newswatch.index.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleIndexTest {
    private final ArticleIndex index = new ArticleIndex("news-articles");

    @Test
    void monthlyIndexInUtcFromFirstSeen() {
        assertEquals("news-articles-2025.01", index.indexFor(Instant.parse("2025-01-31T23:59:59Z")));
        assertEquals("news-articles-2025.02", index.indexFor(Instant.parse("2025-02-01T00:00:00Z")));
    }

    @Test
    void templateCoversEveryMonthlyIndex() {
        assertEquals("news-articles", index.templateName());
        assertEquals("news-articles-*", index.pattern());
    }

    @Test
    void refusesDatesNoIndexShouldBeCreatedFor() {
        assertThrows(IllegalArgumentException.class, () -> index.indexFor(Instant.parse("+12025-01-01T00:00:00Z")));
    }
}
