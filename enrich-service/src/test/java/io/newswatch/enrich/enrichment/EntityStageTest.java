package io.newswatch.enrich.enrichment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.ner.FoundName;
import io.newswatch.enrich.ner.NameTagger;
import io.newswatch.events.EntityMention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityStageTest {
    private static final Gazetteer KB = Gazetteer.bundled();

    /** Tags every "Tavakalyan" as a person and records which spans it was asked to read. */
    private static final class ScriptedTagger implements NameTagger {
        final List<String> read = new ArrayList<>();

        @Override
        public List<FoundName> tag(String text, int from, int to) {
            read.add(text.substring(from, to));
            int at = text.indexOf("Tavakalyan", from);
            return at >= 0 && at < to ? List.of(new FoundName("PERSON", at, at + "Tavakalyan".length())) : List.of();
        }

        @Override
        public String version() {
            return "scripted-1";
        }
    }

    @Test
    void theTaggerReadsOnlyEnglishTextTheHeadlineRecased() {
        ScriptedTagger tagger = new ScriptedTagger();
        EntityStage stage = new EntityStage(KB, tagger);
        String title = "Tavakalyan Meets Pashinyan";
        String text = title + "\n\nTavakalyan met Pashinyan in Yerevan.";

        Analysis english = stage.apply(new Analysis(text, null, "en", null, null, null, title.length()));

        assertEquals(List.of("Tavakalyan Meets Pashinyan", "Tavakalyan met Pashinyan in Yerevan."), tagger.read);
        assertEquals(List.of("Tavakalyan", "Pashinyan", "Tavakalyan", "Pashinyan", "Yerevan"), texts(english));
        assertEquals("nw:person:tavakalyan", english.entities().get(0).canonicalId());
        assertEquals("scripted-1", stage.versions().get("ner"));
    }

    @Test
    void otherLanguagesGetTheKnowledgeBaseOnly() {
        ScriptedTagger tagger = new ScriptedTagger();
        Analysis russian = new EntityStage(KB, tagger)
                .apply(Analysis.of("Таваклян (Tavakalyan) встретился с Пашиняном.", null).withLanguage("ru"));

        assertEquals(List.of(), tagger.read);
        assertEquals(List.of("Пашиняном"), texts(russian));
    }

    private static List<String> texts(Analysis analysis) {
        return analysis.entities().stream().map(EntityMention::text).toList();
    }
}
