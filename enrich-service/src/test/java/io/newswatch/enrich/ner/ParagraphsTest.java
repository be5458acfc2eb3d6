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
    void theTitleAndHeadingAndCapitalLinesAreMarkedCapitalised() {
        String text = "Putin Says Moscow Is Ready\n\nPutin met Aliyev.\nRelated Stories About The Peace Process\n"
                + "MOSCOW 1996-08-22\nOK.";
        List<String> capitalised = Paragraphs.lines(text, "Putin Says Moscow Is Ready".length()).stream()
                .filter(Paragraphs.Line::capitalised).map(l -> text.substring(l.start(), l.end())).toList();
        assertEquals(List.of("Putin Says Moscow Is Ready", "Related Stories About The Peace Process", "MOSCOW 1996-08-22"),
                capitalised);
    }

    @Test
    void aVeryLongLineIsReadInPiecesCutAtSpaces() {
        String text = "word ".repeat(3_000);
        List<Paragraphs.Line> lines = Paragraphs.lines(text, 0);
        assertTrue(lines.size() > 1);
        for (Paragraphs.Line l : lines) assertTrue(l.end() - l.start() <= Paragraphs.MAX_LINE);
        for (int i = 1; i < lines.size(); i++) assertEquals(lines.get(i - 1).end(), lines.get(i).start());
        assertEquals(text.length(), lines.get(lines.size() - 1).end(), "every char is read once");
    }
}
