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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The real CoreNLP model on invented names, which no knowledge base can know. */
class NameRecognizerTest {
    private static final String TITLE = "Tavakalyan Says Talks With Gorgadze Will Resume In Spring";
    private static final String TEXT = TITLE + "\n\n"
            + "YEREVAN -- Lusine Tavakalyan, a deputy of the opposition Bright Horizon party, met the Georgian envoy "
            + "Davit Gorgadze in Gyumri on Monday. She said the talks would resume in March.\n\n"
            + "Tavakalyan told reporters in Yerevan that Gorgadze had promised to visit Vanadzor next month.";
    private static final GazetteerMatcher KB = new GazetteerMatcher(new Gazetteer("test", "1", List.of(
            new KbEntry("Q1953", EntityType.LOCATION, "AM", "Yerevan", List.of(new Alias("Yerevan", false)), List.of()))));

    private final List<EntityMention> mentions =
            new NameRecognizer(CrfNameTagger.shared()).addNames(TEXT, TITLE.length(), KB.find(TEXT));

    @Test
    void unknownPeopleGetOneIdForEveryMentionIncludingTheHeadline() {
        assertEquals(Set.of("Lusine Tavakalyan", "Tavakalyan"), textsOf("nw:person:lusine-tavakalyan"));
        assertEquals(Set.of("Davit Gorgadze", "Gorgadze"), textsOf("nw:person:davit-gorgadze"));
        assertEquals(3, mentions.stream().filter(m -> "nw:person:lusine-tavakalyan".equals(m.canonicalId())).count());
        assertTrue(mentions.stream().anyMatch(m -> m.text().equals("Tavakalyan") && m.end() <= TITLE.length()));
    }

    @Test
    void theHeadlineOnlyGetsNamesTheBodyEstablished() {
        Set<String> inTitle = mentions.stream().filter(m -> m.end() <= TITLE.length())
                .map(EntityMention::text).collect(Collectors.toSet());
        assertEquals(Set.of("Tavakalyan", "Gorgadze"), inTitle);
    }

    @Test
    void theKnowledgeBaseWinsAndPronounsAreNotEntities() {
        assertEquals(Set.of("Q1953"), mentions.stream().filter(m -> m.text().equalsIgnoreCase("Yerevan"))
                .map(EntityMention::canonicalId).collect(Collectors.toSet()));
        assertFalse(mentions.stream().anyMatch(m -> m.text().equals("She")));
        assertEquals(Set.of("LOCATION"), mentions.stream().filter(m -> m.text().equals("Gyumri"))
                .map(EntityMention::type).collect(Collectors.toSet()));
    }

    @Test
    void offsetsPointAtTheMentions() {
        for (EntityMention m : mentions) assertEquals(m.text(), TEXT.substring(m.start(), m.end()));
        for (int i = 1; i < mentions.size(); i++) assertTrue(mentions.get(i - 1).end() <= mentions.get(i).start());
    }

    private Set<String> textsOf(String id) {
        return mentions.stream().filter(m -> id.equals(m.canonicalId())).map(EntityMention::text)
                .collect(Collectors.toSet());
    }
}
