package io.newswatch.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.events.EntityMention;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerMatcherTest {
    private static final String PASHINYAN = "Q7035479";
    private static final String ALIYEV = "nw:ilham-aliyev";
    private static final String GEORGIA = "Q230";
    private static final String GEORGIA_US_STATE = "Q1428";
    private static final GazetteerMatcher BUNDLED = new GazetteerMatcher(Gazetteer.bundled());

    private static List<String> ids(String text) {
        return BUNDLED.find(text).stream().map(EntityMention::canonicalId).toList();
    }

    private static EntityMention only(String text) {
        List<EntityMention> found = BUNDLED.find(text);
        assertEquals(1, found.size(), () -> "mentions in '" + text + "': " + found);
        return found.get(0);
    }

    @Test
    void spellingsInSeveralScriptsLinkToOneEntry() {
        for (String text : List.of("Pashinyan said", "Pashinian said", "Пашинян заявил", "Փաշինյանը հայտարարեց",
                "Paşinyan bildirib", "ფაშინიანი", "PASHINYAN SAYS")) {
            assertEquals(List.of(PASHINYAN), ids(text), text);
        }
        for (String text : List.of("Aliyev", "Aliev", "Əliyev", "Алиев", "Ալիև", "İlham Əliyev")) {
            assertEquals(List.of(ALIYEV), ids(text), text);
        }
    }

    @Test
    void caseFormsOfRussianArmenianAndGeorgianNamesAreFound() {
        assertEquals(List.of(PASHINYAN, ALIYEV), ids("встреча Пашиняна и Алиева"));
        assertEquals(List.of(PASHINYAN), ids("Փաշինյանի հայտարարությունը"));
        assertEquals(List.of("Q1953"), ids("Երեւանում")); // ligature spelled out, locative
        assertEquals(List.of(GEORGIA), ids("в Грузии"));
        assertEquals(List.of("Q994"), ids("თბილისში"));
    }

    @Test
    void armenianStemChangesAndAzerbaijaniSuffixesAreFound() {
        assertEquals(List.of("Q9248"), ids("Բաքվում"));
        assertEquals(List.of("Q9248"), ids("Bakıda keçirilən görüş"));
        assertEquals(List.of(PASHINYAN, ALIYEV), ids("Paşinyanın və Əliyevin görüşü"));
    }

    @Test
    void longestAliasWins() {
        EntityMention heydar = only("Heydar Aliyev founded the party.");
        assertEquals("nw:heydar-aliyev", heydar.canonicalId());
        assertEquals("Heydar Aliyev", heydar.text());
        assertEquals("nw:osce-minsk-group", only("the OSCE Minsk Group co-chairs").canonicalId());
        assertEquals("nw:georgian-dream", only("Georgian Dream won").canonicalId());
        EntityMention full = only("Prime Minister Nikol Pashinyan arrived");
        assertEquals("Nikol Pashinyan", full.text());
    }

    @Test
    void noMatchInsideWords() {
        assertEquals(List.of("Q46"), ids("EUROPE and the UNITED front")); // Europe, not EU
        assertEquals(List.of(), ids("Georgian wine and a Turkish coffee")); // adjectives, not the countries
        assertEquals(List.of(), ids("Pashinyanism"));
        assertEquals(List.of("Q458"), ids("EU-brokered talks"));
    }

    @Test
    void shortAndAmbiguousAliasesAreCaseSensitive() {
        assertEquals(List.of("Q458", "Q1065"), ids("the EU and the UN"));
        assertEquals(List.of(), ids("the eu; un-named; let us go"));
        assertEquals(List.of(), ids("roast turkey for dinner"));
        assertEquals(List.of("Q43"), ids("Turkey and"));
    }

    @Test
    void possessiveIsNotPartOfTheMention() {
        EntityMention mention = only("Pashinyan's government");
        assertEquals("Pashinyan", mention.text());
        assertEquals(0, mention.start());
        assertEquals(9, mention.end());
        assertEquals("Aliyev", only("Aliyev’s visit").text());
    }

    @Test
    void georgiaIsTheCountryUnlessTheContextIsTheUsState() {
        assertEquals(List.of("Q994", GEORGIA), ids("Protests in Tbilisi, Georgia, continued."));
        assertEquals(List.of("Q399", "Q227", GEORGIA), ids("Armenia, Azerbaijan and Georgia"));
        assertEquals(List.of(GEORGIA_US_STATE), ids("Voters in Atlanta, Georgia, queued for hours."));
        assertEquals(List.of(GEORGIA_US_STATE, "Q30"), ids("a company based in Georgia, U.S."));
        String farAway = "Atlanta" + " lorem".repeat(50) + " Georgia";
        assertEquals(List.of(GEORGIA), ids(farAway), "a cue far from the mention does not count");
    }

    @Test
    void offsetsAreUtf16IndicesEvenAfterCharactersOutsideTheBmp() {
        String text = "🇦🇲 𝐍𝐞𝐰𝐬: 😀 Pashinyan met Алиев in 🏔️ Армении.";
        List<EntityMention> found = BUNDLED.find(text);
        assertEquals(List.of(PASHINYAN, ALIYEV, "Q399"), found.stream().map(EntityMention::canonicalId).toList());
        for (EntityMention mention : found) {
            assertEquals(mention.text(), text.substring(mention.start(), mention.end()));
        }
        assertEquals(text.indexOf("Pashinyan"), found.get(0).start());
        assertTrue(found.get(0).start() > text.codePointCount(0, text.indexOf("Pashinyan")),
                "offsets count UTF-16 units, not code points");
    }

    @Test
    void locationsCarryTheirCountryOthersDoNot() {
        EntityMention yerevan = only("in Yerevan");
        assertEquals("LOCATION", yerevan.type());
        assertEquals("AM", yerevan.country());
        assertEquals("Yerevan", yerevan.canonicalName());
        EntityMention person = only("Pashinyan");
        assertEquals("PERSON", person.type());
        assertNull(person.country());
        assertNull(person.sentiment());
    }

    @Test
    void anAliasSharedWithoutContextCuesIsRejectedAtLoad() {
        Gazetteer clash = Gazetteer.parse("test", "@version 1\n"
                + "a\tPERSON\t-\tA\tSmith\n"
                + "b\tPERSON\t-\tB\tSmith\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GazetteerMatcher(clash));
        assertTrue(e.getMessage().contains("'Smith'") && e.getMessage().contains("a, b"), e.getMessage());
    }
}
