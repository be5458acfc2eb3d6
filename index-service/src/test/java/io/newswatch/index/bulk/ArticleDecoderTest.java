package io.newswatch.index.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EventJson;
import io.newswatch.events.MalformedEventException;
import io.newswatch.index.Articles;
import io.newswatch.index.elastic.ArticleIndex;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ArticleDecoderTest {
    private final ArticleDecoder decoder = new ArticleDecoder(new ArticleIndex("news-articles"));

    private static ConsumerRecord<String, byte[]> record(byte[] value) {
        return new ConsumerRecord<>("news.enriched", 0, 42, "key", value);
    }

    @Test
    void anArticleGoesToTheMonthItWasFirstSeenWithItsIdAsDocumentId() {
        EnrichedArticle a = Articles.article("https://example.am/x", "example.am", "T", "B",
                Instant.parse("2019-01-01T00:00:00Z"));

        PendingDocument doc = decoder.decode(record(EventJson.write(a)));

        assertEquals("news-articles-2025.03", doc.index()); // Articles.SEEN, not the publication date
        assertEquals(a.id(), doc.id());
        assertEquals(42, doc.origin().offset());
    }

    @Test
    void bytesThatAreNoArticleSayWhy() {
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> decoder.decode(record("{\"article\":".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("EnrichedArticle"), e.getMessage());
        assertThrows(MalformedEventException.class, () -> decoder.decode(record(null)));
    }
}
