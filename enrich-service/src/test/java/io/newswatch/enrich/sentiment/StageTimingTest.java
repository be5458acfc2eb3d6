package io.newswatch.enrich.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.events.Sentiment.Label;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageTimingTest {

    @Test
    void sentencesAreJoinedIntoArticlesWhoseTargetsBecomeMentions() {
        List<LabelledTarget> data = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String sentence = "Voters praised Smith number " + i + " for his honesty.";
            data.add(new LabelledTarget("s" + i, sentence, 15, 20, Label.POSITIVE, false));
            data.add(new LabelledTarget("s" + i, sentence, 32, 35, Label.POSITIVE, true));
        }
        int sentenceLength = data.get(0).sentence().length();

        StageTiming timing = StageTiming.measure(SentimentStage.of(BundledSentimentModel.DEFAULT), data, 4 * sentenceLength);

        assertEquals(2, timing.articles(), "10 sentences make two articles of 4 sentences; the last 2 are too short");
        assertEquals(4, timing.meanMentions(), "labelled targets only, not their coreferent mentions");
        assertTrue(timing.meanChars() >= 4 * sentenceLength, timing.toString());
        assertTrue(timing.millisPerArticle() > 0 && timing.cpuMillisPerArticle() >= 0, timing.toString());
    }
}
