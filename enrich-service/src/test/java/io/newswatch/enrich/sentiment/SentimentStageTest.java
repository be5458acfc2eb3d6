package io.newswatch.enrich.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.enrichment.Analysis;
import io.newswatch.events.EntityMention;
import io.newswatch.events.Sentiment.Label;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentStageTest {
    private final SentimentStage stage = SentimentStage.of(BundledSentimentModel.DEFAULT);

    private static Analysis english(String text, String... names) {
        List<EntityMention> mentions = new java.util.ArrayList<>();
        for (String name : names) {
            int start = text.indexOf(name);
            mentions.add(new EntityMention(name, "PERSON", start, start + name.length(), null, null, null, null));
        }
        return Analysis.of(text, null).withLanguage("en").withEntities(mentions);
    }

    @Test
    void eachMentionIsJudgedInItsOwnSentence() {
        Analysis analysis = stage.apply(english("Voters praised Smith for his honesty and courage. "
                + "Prosecutors charged Jones with fraud, bribery and abuse of power.", "Smith", "Jones"));
        assertEquals(Label.POSITIVE, analysis.entities().get(0).sentiment().label());
        assertEquals(Label.NEGATIVE, analysis.entities().get(1).sentiment().label());
    }

    @Test
    void theDocumentToneFollowsItsSentences() {
        Analysis bad = stage.apply(english("The attack killed dozens. Officials condemned the brutal massacre."));
        Analysis good = stage.apply(english("The talks were a great success. Both leaders praised the historic deal."));
        assertEquals(Label.NEGATIVE, bad.sentiment().label());
        assertEquals(Label.POSITIVE, good.sentiment().label());
        assertTrue(bad.sentiment().score() < 0 && good.sentiment().score() > 0);
    }

    @Test
    void offsetsAfterCharactersOutsideTheBasicPlaneStillPointAtTheTarget() {
        String text = "😀 Prosecutors charged Jones with fraud and bribery.";
        Analysis analysis = english(text, "Jones");
        assertEquals(Label.NEGATIVE, stage.toward(analysis, text.indexOf("Jones"), text.indexOf("Jones") + 5).label());
    }

    @Test
    void aSentenceWithNothingTheEncoderCanReadStillGetsATone() {
        Analysis analysis = stage.apply(english("\u200b\u200b\nThe talks were a great success."));
        assertEquals(Label.POSITIVE, analysis.sentiment().label());
    }

    @Test
    void otherLanguagesAreLeftWithoutSentiment() {
        Analysis russian = Analysis.of("Пашинян провёл переговоры.", null).withLanguage("ru");
        assertSame(russian, stage.apply(russian));
        assertNull(stage.toward(russian, 0, 7));
    }

    @Test
    void recordsTheModelVersion() {
        assertEquals(BundledSentimentModel.DEFAULT.model().version(), stage.versions().get("sentiment"));
    }
}
