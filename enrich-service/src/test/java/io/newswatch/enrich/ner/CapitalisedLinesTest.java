package io.newswatch.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.entities.GazetteerMatcher;
import io.newswatch.events.EntityMention;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Names on capitalised lines (a caps headline, a dateline, a results table, a title-case headline)
 * are found with the right types by the real CoreNLP model; headline verbs are not names.
 */
class CapitalisedLinesTest {
    private static final GazetteerMatcher EMPTY = new GazetteerMatcher(new Gazetteer("none", "1", List.of()));
    private static final NameRecognizer RECOGNIZER = new NameRecognizer(CrfNameTagger.shared());

    @Test
    void anAllCapsStoryWithDatelineAndResultsTable() {
        String title = "SOCCER - KOLAROV NAMED AS VOLGOGRAD COACH .";
        String text = title + "\n"
                + "MOSCOW 1996-08-22\n"
                + "Rotor Volgograd appointed Dragan Kolarov as coach on Thursday , the club said in Moscow .\n"
                + "Kolarov replaces Viktor Prokopenko , who left for Ukraine .\n"
                + "Results of Russian league matches on Wednesday :\n"
                + "ROSTOV 2 VOLGOGRAD 1\n"
                + "SAMARA 0 KAMYSHIN 3";
        Map<String, String> types = types(text, title.length());

        assertEquals("PERSON", types.get("KOLAROV"), types.toString());
        assertEquals("LOCATION", types.get("MOSCOW"), types.toString());
        assertEquals("PERSON", types.get("Dragan Kolarov"), types.toString());
        assertEquals("ORGANIZATION", types.get("ROSTOV"), "a place before a score in a results table is a team");
        assertEquals("ORGANIZATION", types.get("KAMYSHIN"), types.toString());
        assertFalse(types.containsKey("NAMED") || types.containsKey("SOCCER"), types.toString());
    }

    @Test
    void aTitleCaseHeadlineGivesItsNamesButNotItsVerbs() {
        String title = "Prokopenko Says Rostov Will Sign Kolarov";
        String text = title + "\n\nViktor Prokopenko said on Monday that FC Rostov would sign Dragan Kolarov , "
                + "a defender from Belgrade .";
        Map<String, String> types = types(text, title.length());

        assertEquals("PERSON", types.get("Prokopenko"), types.toString());
        assertEquals("PERSON", types.get("Kolarov"), types.toString());
        assertFalse(types.keySet().stream().anyMatch(name -> name.contains("Says")), types.toString());
    }

    private static Map<String, String> types(String text, int titleEnd) {
        List<EntityMention> mentions = RECOGNIZER.addNames(text, titleEnd, EMPTY.find(text));
        for (EntityMention m : mentions) assertEquals(m.text(), text.substring(m.start(), m.end()));
        return mentions.stream().collect(Collectors.toMap(EntityMention::text, EntityMention::type, (a, b) -> a));
    }
}
