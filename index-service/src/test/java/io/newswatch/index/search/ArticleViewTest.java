package io.newswatch.index.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EntityMention;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Sentiment;
import io.newswatch.events.Sentiment.Label;
import io.newswatch.index.Articles;
import io.newswatch.index.elastic.ArticleDocument;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
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

    @Test
    void eachEntityCarriesTheSentimentTowardItOverItsMentions() {
        String analysed = TITLE + "\n\n" + TEXT;
        int aliyev = analysed.indexOf("Aliyev");
        int pashinyan = analysed.indexOf("Pashinyan");
        int pashinian = analysed.indexOf("Pashinian");
        ArticleDocument d = document(analysed,
                new EntityMention("Pashinyan", "PERSON", pashinyan, pashinyan + 9, "Q1", "Nikol Pashinyan", null,
                        new Sentiment(-0.6, Label.NEGATIVE)),
                new EntityMention("Aliyev", "PERSON", aliyev, aliyev + 6, "Q2", "Ilham Aliyev", null, null),
                new EntityMention("Pashinian", "PERSON", pashinian, pashinian + 9, "Q1", "Nikol Pashinyan", null,
                        new Sentiment(-0.2, Label.NEGATIVE)));

        Map<String, ArticleView.Entity> byId = new HashMap<>();
        ArticleView.of(d).entities().forEach(e -> byId.put(e.canonicalId(), e));

        EntitySentiment towardPashinyan = byId.get("Q1").sentiment();
        assertEquals(Label.NEGATIVE, towardPashinyan.label());
        assertEquals(-0.4, towardPashinyan.score(), 1e-9);
        assertEquals(List.of(2, 0, 0), List.of(towardPashinyan.negative(), towardPashinyan.neutral(),
                towardPashinyan.positive()));
        assertEquals(2, byId.get("Q1").mentions());
        assertNull(byId.get("Q2").sentiment(), "no mention of Aliyev has a sentiment: none is made up");
        List<Sentiment> perMention = ArticleView.of(d).mentions().stream().map(ArticleView.Mention::sentiment).toList();
        assertEquals(Arrays.asList(new Sentiment(-0.6, Label.NEGATIVE), null, new Sentiment(-0.2, Label.NEGATIVE)),
                perMention, "each mention keeps its own");
    }

    @Test
    void aTieBetweenLabelsReadsNeutral() {
        EntitySentiment mixed = EntitySentiment.over(List.of(new Sentiment(-0.5, Label.NEGATIVE),
                new Sentiment(0.7, Label.POSITIVE)));
        assertEquals(Label.NEUTRAL, mixed.label());
        assertEquals(Label.POSITIVE, EntitySentiment.over(Arrays.asList(new Sentiment(0.7, Label.POSITIVE), null,
                new Sentiment(0.1, Label.NEUTRAL), new Sentiment(0.5, Label.POSITIVE))).label());
        assertNull(EntitySentiment.over(Arrays.asList(null, null)));
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
