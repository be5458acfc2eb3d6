package io.newswatch.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.entities.Alias;
import io.newswatch.enrich.entities.EntityType;
import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.entities.GazetteerMatcher;
import io.newswatch.enrich.entities.KbEntry;
import io.newswatch.events.EntityMention;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the tagger read a name in its sentence, its reading stands: its span (abbreviation full stops
 * kept), its type (not one the same words got elsewhere in the document), a longer name over a known
 * name inside it, capitals that are not a label's. The real CoreNLP models.
 */
class TaggerReadingTest {
    private static final NameRecognizer RECOGNIZER = new NameRecognizer(CrfNameTagger.shared());
    private static final GazetteerMatcher KB = new GazetteerMatcher(new Gazetteer("test", "1", List.of(
            new KbEntry("Q36", EntityType.LOCATION, "PL", "Poland", List.of(new Alias("Poland", false)), List.of()),
            new KbEntry("Q142", EntityType.LOCATION, "FR", "France", List.of(new Alias("France", false)), List.of()))));

    @Test
    void aLongerNameHoldingAKnownNameIsTheLongerName() {
        String text = "Markets rose after the National Bank of Poland cut rates on Tuesday .\n"
                + "Unions at Air France called a strike in Paris .";
        List<EntityMention> mentions = RECOGNIZER.addNames(text, 0, KB.find(text));

        assertTrue(has(mentions, "National Bank of Poland", "ORGANIZATION"), mentions.toString());
        assertTrue(mentions.stream().anyMatch(m -> m.text().equals("Air France")), mentions.toString());
        assertFalse(mentions.stream().anyMatch(m -> m.text().equals("Poland") || m.text().equals("France")),
                mentions.toString());
    }

    @Test
    void abbreviationFullStopsStayOnTheName() {
        String text = "Jones Medical Industries Inc. said it bought Daniels Pharmaceuticals Inc. of St. Petersburg , Fla. ,"
                + " on Friday .";
        List<EntityMention> mentions = RECOGNIZER.addNames(text, 0, List.of());

        assertTrue(mentions.stream().anyMatch(m -> m.text().equals("Jones Medical Industries Inc.")), mentions.toString());
        assertTrue(mentions.stream().anyMatch(m -> m.text().equals("Fla.")), mentions.toString());
    }

    @Test
    void eachMentionKeepsTheTypeTheTaggerReadInItsSentence() {
        String text = "Slovakia beat the Faroe Islands 2-1 ( halftime 1-0 ) in a World Cup qualifier on Saturday .\n"
                + "The Faroe Islands have a population of about 45,000 people .";
        List<EntityMention> mentions = RECOGNIZER.addNames(text, 0, List.of());

        assertFalse(mentions.stream().anyMatch(m -> m.text().equals("Faroe Islands") && !"LOCATION".equals(m.type())),
                "a place before a score in a sentence is read by the tagger, not retyped: " + mentions);
    }

    @Test
    void capitalsAreALabelOnlyWhereALabelStands() {
        String text = "Results of games played on Friday ( home team in CAPS ) :\n"
                + "DETROIT 4 Kansas City 0\n"
                + "BIRMINGHAM , England 1996-08-31\n"
                + "ADVERTISEMENT\n"
                + "Officials in Detroit said the stadium would reopen .";
        List<EntityMention> mentions = RECOGNIZER.addNames(text, 0, List.of());

        assertTrue(mentions.stream().anyMatch(m -> m.text().equals("DETROIT")), mentions.toString());
        assertTrue(has(mentions, "BIRMINGHAM", "LOCATION"), mentions.toString());
        assertFalse(mentions.stream().anyMatch(m -> m.text().equals("ADVERTISEMENT")), mentions.toString());
    }

    @Test
    void anEnglishDemonymIsNotAnAzerbaijaniCaseFormOfTheCountry() {
        GazetteerMatcher bundled = new GazetteerMatcher(Gazetteer.bundled());

        assertEquals(List.of(), bundled.find("Israeli crews hoisted a bulldozer ."));
        assertEquals(1, bundled.find("He flew to Israel on Monday .").size());
    }

    private static boolean has(List<EntityMention> mentions, String text, String type) {
        return mentions.stream().anyMatch(m -> m.text().equals(text) && m.type().equals(type));
    }
}
