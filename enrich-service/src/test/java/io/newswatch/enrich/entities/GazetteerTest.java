package io.newswatch.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    @Test
    void bundledKnowledgeBaseLoadsWithItsVersion() {
        Gazetteer kb = Gazetteer.bundled();
        assertTrue(kb.entries().size() >= 400, "entries: " + kb.entries().size());
        assertFalse(kb.version().isBlank());
        assertEquals("gazetteer-" + kb.version(), kb.versionTag());
        assertTrue(kb.entries().stream().anyMatch(e -> e.id().equals("Q7035479") && e.type() == EntityType.PERSON));
    }

    @Test
    void everyBundledLocationHasACountryUnlessItCrossesBorders() {
        Set<String> without = Gazetteer.bundled().entries().stream()
                .filter(e -> e.type() == EntityType.LOCATION && e.country() == null).map(KbEntry::id)
                .collect(Collectors.toSet());
        assertEquals(Set.of("Q46", "nw:caucasus", "nw:south-caucasus", "nw:central-asia", "nw:middle-east",
                "nw:black-sea", "nw:caspian-sea", "nw:mediterranean", "nw:aras-river", "nw:kura-river",
                "nw:btc-pipeline", "nw:south-caucasus-pipeline", "nw:tap", "nw:southern-gas-corridor",
                "nw:trans-caspian-gas-pipeline", "nw:middle-corridor", "nw:btk-railway", "nw:instc",
                "nw:kars-gyumri-railway"), without, "continents, seas, rivers and pipelines only");
    }

    @Test
    void parsesColumnsAliasesAndContext() {
        Gazetteer kb = Gazetteer.parse("test", "# comment\n@version 7\n\n"
                + "nw:x\tlocation\tUS\tX Town\tX Town|=XT|Ixtown\tnear|cue\n");
        KbEntry x = kb.entries().get(0);
        assertEquals("7", kb.version());
        assertEquals(EntityType.LOCATION, x.type());
        assertEquals("US", x.country());
        assertEquals(List.of(new Alias("X Town", false), new Alias("XT", true), new Alias("Ixtown", false)),
                x.aliases());
        assertEquals(List.of("near", "cue"), x.context());
    }

    @Test
    void errorsNameTheLineAndWhatIsWrong() {
        assertMessage("test line 2: type must be one of", "@version 1\nq\tTHING\t-\tQ\tQ\n");
        assertMessage("test line 2: expected 5 or 6 tab-separated columns", "@version 1\nq PERSON - Q Q\n");
        assertMessage("test line 3: id q is used twice", "@version 1\nq\tPERSON\t-\tQ\tQ\nq\tPERSON\t-\tR\tR\n");
        assertMessage("ISO alpha-2", "@version 1\nq\tPERSON\tArmenia\tQ\tQ\n");
        assertMessage("test: missing the '@version V' line", "q\tPERSON\t-\tQ\tQ\n");
    }

    @Test
    void shortAndAcronymAliasesAreCaseSensitive() {
        assertTrue(Alias.parse("EU").caseSensitive());
        assertTrue(Alias.parse("NATO").caseSensitive());
        assertTrue(Alias.parse("ОДКБ").caseSensitive());
        assertTrue(Alias.parse("=Turkey").caseSensitive());
        assertEquals("Turkey", Alias.parse("=Turkey").text());
        assertFalse(Alias.parse("Pashinyan").caseSensitive());
        assertFalse(Alias.parse("ფაშინიანი").caseSensitive()); // Georgian has no case
    }

    private static void assertMessage(String expected, String file) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gazetteer.parse("test", file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
