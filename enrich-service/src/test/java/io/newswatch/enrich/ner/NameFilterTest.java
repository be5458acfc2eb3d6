package io.newswatch.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NameFilterTest {

    @Test
    void pronounsLowerCaseWordsAndSectionLabelsAreNotNames() {
        for (String junk : new String[] {"He", "She", "They", "It", "His", "I", "whose", "government", "SEE ALSO",
                "WATCH NOW", "ADVERTISEMENT", "x", "Например"}) {
            assertFalse(NameFilter.plausible(junk), junk);
        }
    }

    @Test
    void namesAndAcronymsAre() {
        for (String name : new String[] {"Azer Qasimli", "RFE/RL", "NATO", "OSCE", "BAKU", "Civil Contract",
                "Institute of Political Management", "de Waal"}) {
            assertTrue(NameFilter.plausible(name), name);
        }
        assertFalse(NameFilter.plausible("de la"), "no capital at all");
    }

    @Test
    void spansAreCutAtEditorsBracketsAndTrimmedOfPossessivesAndQuotes() {
        String text = "[Armenian Prime Minister Nikol] Pashinian and “Melkonian’s” party";
        assertEquals("Pashinian", tidy(text, 0, text.indexOf(" and")).orElseThrow());
        int quote = text.indexOf('“');
        assertEquals("Melkonian", tidy(text, quote, text.indexOf(" party")).orElseThrow());
        assertEquals(Optional.empty(), tidy(text, quote, quote + 1));
    }

    private static Optional<String> tidy(String text, int start, int end) {
        return NameFilter.tidy(text, new FoundName("PERSON", start, end)).map(n -> n.in(text));
    }
}
