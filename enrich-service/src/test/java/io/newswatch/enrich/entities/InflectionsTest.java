package io.newswatch.enrich.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The case forms derived from an alias, per language. */
class InflectionsTest {

    @Test
    void armenianFinalUBecomesVBeforeAnEnding() {
        List<String> forms = Inflections.caseForms("Բաքու");
        assertTrue(forms.containsAll(List.of("Բաքվում", "Բաքվի", "Բաքվից", "Բաքուն")), forms.toString());
        assertTrue(forms.stream().noneMatch(f -> f.startsWith("Բաքույ")), forms.toString());
    }

    @Test
    void armenianFinalIJoinsEndingsWithoutAGlide() {
        List<String> forms = Inflections.caseForms("Գյումրի");
        assertTrue(forms.containsAll(List.of("Գյումրիում", "Գյումրիի", "Գյումրիից")), forms.toString());
        assertTrue(Inflections.caseForms("Մոսկվա").contains("Մոսկվայում"), "other vowels take a glide");
    }

    @Test
    void azerbaijaniEndingsFollowVowelHarmony() {
        assertEquals(List.of("Bakının", "Bakıya", "Bakını", "Bakıda", "Bakıdan", "Bakıyla", "Bakıdakı"),
                Inflections.caseForms("Bakı"));
        assertTrue(Inflections.caseForms("Paşinyan").containsAll(List.of("Paşinyanın", "Paşinyana", "Paşinyanla")));
        assertTrue(Inflections.caseForms("Ermənistan").containsAll(List.of("Ermənistanda", "Ermənistandan")));
        assertTrue(Inflections.caseForms("Gürcüstan").contains("Gürcüstanın"));
        assertTrue(Inflections.caseForms("Türkiyə").containsAll(List.of("Türkiyənin", "Türkiyəyə", "Türkiyədə")));
        assertTrue(Inflections.caseForms("Şuşa").contains("Şuşada"));
    }

    @Test
    void englishNamesGetNoAzerbaijaniEndings() {
        assertEquals(List.of(), Inflections.caseForms("Pashinyan"));
        assertEquals(List.of(), Inflections.caseForms("Baku"));
    }
}
