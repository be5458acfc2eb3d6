package io.newswatch.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParagraphsTest {

    @Test
    void titleCaseLinesAreHeadings() {
        assertTrue(Paragraphs.heading("Moscow Is Ready To Get Involved In Azerbaijan-Armenia Peace Process, Putin Says"));
        assertTrue(Paragraphs.heading("[see-also] A Constitutional Amendment That Could Lead To Peace Between Armenia"));
    }

    @Test
    void sentencesAndCaptionsAreNot() {
        assertFalse(Paragraphs.heading("Putin arrived in Baku for a two-day official visit on August 18."));
        assertFalse(Paragraphs.heading("Visiting Russian President Vladimir Putin (left) and Ilham Aliyev in Baku."));
        assertFalse(Paragraphs.heading("Putin Met Aliyev In Baku."), "a full stop ends a sentence, not a heading");
        assertFalse(Paragraphs.heading("Qasimli Speaks"), "too short to tell");
    }

    @Test
    void theTitleAndHeadingLinesAreSkipped() {
        String text = "Putin Says Moscow Is Ready\n\nPutin met Aliyev.\nRelated Stories About The Peace Process\nOK.";
        List<String> lines = Paragraphs.taggable(text, "Putin Says Moscow Is Ready".length()).stream()
                .map(span -> text.substring(span[0], span[1])).toList();
        assertEquals(List.of("Putin met Aliyev.", "OK."), lines);
    }
}
