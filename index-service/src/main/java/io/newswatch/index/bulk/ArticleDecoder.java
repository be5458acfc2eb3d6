package io.newswatch.index.bulk;

import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EventJson;
import io.newswatch.events.MalformedEventException;
import io.newswatch.index.elastic.ArticleDocument;
import io.newswatch.index.elastic.ArticleIndex;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Turns a {@code news.enriched} record into the document to index, or says why it cannot. */
final class ArticleDecoder {
    private final ArticleIndex index;

    ArticleDecoder(ArticleIndex index) {
        this.index = index;
    }

    /**
     * The document of {@code record}.
     *
     * @throws MalformedEventException  when the bytes are not an EnrichedArticle
     * @throws IllegalArgumentException when the article cannot be stored (id too long, first-seen date out of range)
     */
    PendingDocument decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new MalformedEventException(EnrichedArticle.class.getSimpleName(),
                    "the record has no value (news.enriched carries no deletes)", null);
        }
        EnrichedArticle article = EventJson.read(record.value(), EnrichedArticle.class);
        ArticleDocument document = ArticleDocument.of(article);
        return new PendingDocument(record, index.indexFor(article.article().firstSeenAt()), article.id(), document);
    }
}
