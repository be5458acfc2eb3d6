package io.newswatch.enrich.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.events.Sentiment;
import io.newswatch.events.Sentiment.Label;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SentimentModelTest {
    private static final SentimentModel MODEL = BundledSentimentModel.DEFAULT.model();

    private static Sentiment toward(String sentence, String target) {
        int start = sentence.indexOf(target);
        return MODEL.toward(sentence, start, start + target.length());
    }

    @Test
    void theBundledModelReadsClearlyPositiveNegativeAndNeutralSentences() {
        assertEquals(Label.POSITIVE, toward("Supporters praised Pashinyan for his courage and his successful reforms.",
                "Pashinyan").label());
        assertEquals(Label.NEGATIVE, toward("Critics accused Aliyev of corruption, fraud and brutal abuse of power.",
                "Aliyev").label());
        assertEquals(Label.NEUTRAL, toward("Mirzoyan will travel to Brussels on Tuesday, the ministry said.",
                "Mirzoyan").label());
    }

    @Test
    void theDefaultModelReadsSentenceVectorsAndTheLexicalModelReadsNone() {
        assertTrue(MODEL.readsSentenceVectors(), MODEL.version());
        SentimentModel lexical = BundledSentimentModel.LEXICAL.model();
        assertTrue(!lexical.readsSentenceVectors(), lexical.version());
        String sentence = "Critics accused Aliyev of corruption, fraud and brutal abuse of power.";
        int start = sentence.indexOf("Aliyev");
        assertEquals(Label.NEGATIVE, lexical.toward(sentence, start, start + "Aliyev".length()).label());
    }

    @Test
    void aModelNameOutsideTheBundledOnesIsRefusedNamingTheChoices() {
        assertEquals(BundledSentimentModel.LEXICAL, BundledSentimentModel.named(" Lexical "));
        var e = assertThrows(IllegalArgumentException.class, () -> BundledSentimentModel.named("vader"));
        assertTrue(e.getMessage().contains("[minilm, lexical]"), e.getMessage());
    }

    @Test
    void scoresAreInRangeAndAgreeWithTheLabel() {
        Sentiment positive = toward("Supporters praised Pashinyan for his courage and his successful reforms.",
                "Pashinyan");
        Sentiment negative = toward("Critics accused Aliyev of corruption, fraud and brutal abuse of power.", "Aliyev");
        assertTrue(positive.score() > 0 && positive.score() <= 1, positive.toString());
        assertTrue(negative.score() < 0 && negative.score() >= -1, negative.toString());
    }

    @Test
    void twoTargetsOfOneSentenceCanGetDifferentSentiment() {
        // The speaker of an accusation is not its object: a bag of words would give both the same.
        String sentence = "Smith said on Tuesday that Jones is a corrupt criminal.";
        Sentiment smith = toward(sentence, "Smith");
        Sentiment jones = toward(sentence, "Jones");
        assertEquals(Label.NEUTRAL, smith.label(), smith.toString());
        assertEquals(Label.NEGATIVE, jones.label(), jones.toString());
        assertTrue(smith.score() > jones.score(), smith + " vs " + jones);
    }

    @Test
    void savingAndReadingKeepsPredictionsAndVersion() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MODEL.write(out);
        SentimentModel read = SentimentModel.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(MODEL.version(), read.version());
        String sentence = "Protesters blamed the government for the disaster.";
        assertEquals(MODEL.toward(sentence, 19, 29), read.toward(sentence, 19, 29));
    }

    @Test
    void aTargetOutsideTheSentenceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MODEL.toward("Short.", 3, 20));
    }

    @Test
    void aFileThatIsNotAModelIsRefusedWithAReason() {
        var in = new ByteArrayInputStream("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(java.io.IOException.class, () -> SentimentModel.read(in));
        assertTrue(e.getMessage().contains("newswatch-sentiment"), e.getMessage());
    }

    @Test
    void aModelTrainedWithAnotherSentenceEncoderIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MODEL.write(out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"" + SentenceEncoder.NAME + "\""), "the bundled model records its encoder");
        byte[] other = json.replace(SentenceEncoder.NAME, "all-minilm-l6-v2@0.1").getBytes(StandardCharsets.UTF_8);
        var e = assertThrows(java.io.IOException.class, () -> SentimentModel.read(new ByteArrayInputStream(other)));
        assertTrue(e.getMessage().contains("retrain"), e.getMessage());
    }
}
