package io.newswatch.enrich.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.events.Sentiment.Label;
import org.junit.jupiter.api.Test;

class ScoresTest {

    @Test
    void macroF1IsTheMeanOfTheClassesF1AndTheReportShowsTheMatrix() {
        Scores scores = new Scores();
        scores.add(Label.NEGATIVE, Label.NEGATIVE);
        scores.add(Label.NEGATIVE, Label.NEUTRAL);
        scores.add(Label.NEUTRAL, Label.NEUTRAL);
        scores.add(Label.POSITIVE, Label.POSITIVE);

        assertEquals(0.5, scores.recall(Label.NEGATIVE), 1e-9);
        assertEquals(0.5, scores.precision(Label.NEUTRAL), 1e-9);
        assertEquals((2.0 / 3 + 2.0 / 3 + 1) / 3, scores.macroF1(), 1e-9);
        String report = scores.report();
        assertTrue(report.contains("macro-F1 0.7778"), report);
        assertTrue(report.contains("negative          1         1         0"), report);
    }
}
