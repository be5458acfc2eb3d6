package io.newswatch.index.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EntityMention;
import io.newswatch.events.RawArticle;
import io.newswatch.index.Articles;
import io.newswatch.index.elastic.ArticleDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleViewTest {
    private static final String TITLE = "Pashinyan 😀 meets Aliyev";
    private static final String TEXT = "In 𝒴erevan, Pashinian spoke.";

    @Test
    void mentionOffsetsIntoTitlePlusTextBecomeOffsetsIntoEachFieldEvenBeyondTheBmp() {
        String analysed = TITLE + "\n\n" + TEXT;
        List<ArticleView.Mention> mentions = ArticleView.mentions(document(analysed,
                mention(analysed, "Aliyev"), mention(analysed, "Pashinian"), mention(analysed, "𝒴erevan")));

        assertEquals(3, mentions.size());
        for (ArticleView.Mention m : mentions) {
            String field = m.field().equals("title") ? TITLE : TEXT;
            assertEquals(m.text(), field.substring(m.start(), m.end()));
        }
        assertEquals(List.of("title", "text", "text"), mentions.stream().map(ArticleView.Mention::field).toList());
    }

    @Test
    void mentionsAcrossTheFieldsOrOutsideThemAreLeftOut() {
        String analysed = TITLE + "\n\n" + TEXT;
        int across = TITLE.length() - 3;
        List<ArticleView.Mention> mentions = ArticleView.mentions(document(analysed,
                new EntityMention("x", "PERSON", across, across + 6, null, null, null, null),
                new EntityMention("y", "PERSON", analysed.length() - 1, analysed.length() + 4, null, null, null, null)));
        assertEquals(List.of(), mentions);
    }

    private static EntityMention mention(String analysed, String text) {
        int start = analysed.indexOf(text);
        return new EntityMention(text, "PERSON", start, start + text.length(), null, null, null, null);
    }

    private static ArticleDocument document(String analysed, EntityMention... mentions) {
        RawArticle raw = RawArticle.of("https://example.am/v", null, "example.am", TITLE, List.of(),
                Instant.EPOCH, null, Articles.SEEN, "en", TEXT);
        assertEquals(analysed, EnrichedArticle.analysedText(raw));
        return ArticleDocument.of(new EnrichedArticle(1, raw, "en", List.of(mentions), null, List.of(),
                Articles.SEEN, Map.of()));
    }
}
