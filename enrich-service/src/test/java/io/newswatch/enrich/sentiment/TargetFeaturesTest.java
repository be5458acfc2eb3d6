package io.newswatch.enrich.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetFeaturesTest {
    private final TargetFeatures features = new TargetFeatures(FeatureOptions.DEFAULT, Lexicon.bundled());

    @Test
    void theTargetsOwnWordsDoNotMatterOnlyHowTheSentenceTalksAboutIt() {
        SparseVector smith = features.extract("Smith was praised by voters.", 0, 5);
        SparseVector jones = features.extract("Jones was praised by voters.", 0, 5);
        assertEquals(sorted(smith), sorted(jones));
    }

    @Test
    void differentTargetsOfOneSentenceGetDifferentFeatures() {
        String sentence = "Smith criticised Jones.";
        assertNotEquals(sorted(features.extract(sentence, 0, 5)), sorted(features.extract(sentence, 17, 22)));
    }

    @Test
    void thePathToTheNearestLexiconWordTellsWhoIsPraisedFromWhoPraises() {
        // Same words, same nearest lexicon word; only the path between it and the target differs.
        FeatureOptions withoutPaths = new FeatureOptions(18, 10, true, true, false);
        TargetFeatures plain = new TargetFeatures(withoutPaths, Lexicon.bundled());
        String sentence = "Smith praised Jones.";
        int pathFeatures = features.extract(sentence, 0, 5).size() - plain.extract(sentence, 0, 5).size();
        assertEquals(2, pathFeatures, "distance and word of the lexicon word right of the target");
        assertEquals(3, features.extract("Smith was praised.", 0, 5).size()
                - plain.extract("Smith was praised.", 0, 5).size(), "plus the word between them");
    }

    @Test
    void negationFlipsLexiconPolarity() {
        Lexicon lexicon = new Lexicon(Map.of("good", 2));
        assertEquals(2, lexicon.score("good"));
        assertEquals(0, lexicon.score("goodness"));
        assertEquals(2, new Lexicon(Map.of("praise", 2)).score("praised"));
    }

    @Test
    void tokensSplitClitics() {
        List<String> words = Tokenizer.tokens("He didn’t win.").stream().map(Token::text).toList();
        assertEquals(List.of("he", "did", "n't", "win", "."), words);
    }

    @Test
    void sentencesSplitAtEndsButNotAfterTitles() {
        String text = "Mr. Smith met Dr. Jones in the U.S. capital. They talked.\nA new line";
        List<String> sentences = Sentences.split(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
        assertEquals(List.of("Mr. Smith met Dr. Jones in the U.S. capital.", "They talked.", "A new line"), sentences);
    }

    private static String sorted(SparseVector v) {
        int[] indices = v.indices().clone();
        Arrays.sort(indices);
        return Arrays.toString(indices);
    }
}
