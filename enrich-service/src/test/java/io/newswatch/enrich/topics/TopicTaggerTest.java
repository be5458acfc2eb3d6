package io.newswatch.enrich.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {
    private static final TopicTagger BUNDLED = new TopicTagger(Taxonomy.bundled());

    @Test
    void theBundledTaxonomyHasTheTopicsUsersFilterOn() {
        assertTrue(BUNDLED.topics().keySet().containsAll(List.of("peace-process", "border-delimitation",
                "military-incidents", "energy-transit", "elections-protests", "humanitarian", "economy")));
    }

    @Test
    void tagsEnglishAndRussianTextsWithTheSameSlugs() {
        assertEquals(List.of("peace-process", "border-delimitation"),
                BUNDLED.tag("Armenia and Azerbaijan initialled the peace treaty; border delimitation continues."));
        assertEquals(List.of("peace-process", "border-delimitation"),
                BUNDLED.tag("Стороны обсудили проект мирного договора и делимитацию границы."));
        assertEquals(List.of("military-incidents"), BUNDLED.tag("Обстрел приграничных сёл продолжался всю ночь."));
        assertEquals(List.of(), BUNDLED.tag("The weather in Yerevan was sunny."));
    }

    @Test
    void aLongTextNeedsMoreThanOneMatch() {
        String filler = " The delegation visited a museum and had lunch.".repeat(30);
        assertEquals(List.of("energy-transit"), BUNDLED.tag("The pipeline and the gas supplies." + filler));
        assertEquals(List.of(), BUNDLED.tag("The pipeline." + filler));
    }

    @Test
    void anEditedTaxonomyIsUsedAndChangesTheVersion() throws Exception {
        Taxonomy edited = Taxonomy.read("[wine] Wine\nen: wine* | vineyard\nru: вин*\n");
        assertEquals(List.of("wine"), new TopicTagger(edited).tag("Армянские вина и vineyards."));
        assertTrue(!edited.version().equals(Taxonomy.bundled().version()));
    }

    @Test
    void aBadLineIsReportedWithItsNumber() {
        var e = assertThrows(IllegalArgumentException.class, () -> Taxonomy.read("[a] A\nen: ok\nnonsense\n"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        var stem = assertThrows(IllegalArgumentException.class, () -> Taxonomy.read("[a] A\nen: ab*\n"));
        assertTrue(stem.getMessage().contains("at least 3"), stem.getMessage());
    }
}
