package io.newswatch.enrich.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {
    private final LanguageDetector detector = LanguageDetector.shared();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en | Armenia and Azerbaijan agreed on the text of a peace treaty.",
        "ru | Пашинян заявил, что мирный договор готов.",
        "hy | Փաշինյանը հայտարարել է, որ խաղաղության պայմանագիրը պատրաստ է։",
        "az | Paşinyan sülh müqaviləsinin hazır olduğunu bildirib.",
        "ka | ფაშინიანმა განაცხადა, რომ სამშვიდობო ხელშეკრულება მზადაა.",
        "tr | Paşinyan barış anlaşmasının hazır olduğunu söyledi.",
        "uk | Пашинян заявив, що мирна угода готова.",
        "fa | پاشینیان گفت که پیمان صلح آماده است.",
        "de | Paschinjan sagte, der Friedensvertrag sei fertig.",
        "fr | Pachinian a déclaré que le traité de paix était prêt.",
        "az | Prezident İlham Əliyev Bakıda çıxış edib.",
        "tr | Erdoğan, Ankara'da gazetecilere açıklama yaptı."})
    void detectsShortNewsSentences(String expected, String text) {
        assertEquals(expected, detector.detect(text));
    }

    @Test
    void saysNothingWhenTheTextIsTooShortOrUnclear() {
        assertNull(detector.detect(null));
        assertNull(detector.detect(""));
        assertNull(detector.detect("EU"));
        assertNull(detector.detect("12:45 — 2025"));
        assertNull(detector.detect("Baku")); // as Turkish as it is Azerbaijani or English
    }

    @Test
    void readsOnlyAPrefixOfLongTexts() {
        String longText = "The peace talks continue in Washington. ".repeat(500);
        assertEquals("en", detector.detect(longText));
        String sample = LanguageDetector.sample(longText);
        assertEquals(true, sample.length() <= LanguageDetector.MAX_SAMPLE_CHARS);
        assertEquals(true, longText.startsWith(sample));
    }

    @Test
    void supportsTheLanguagesOfTheRegion() {
        assertEquals(Set.of("en", "ru", "hy", "az", "ka", "tr", "uk", "fa", "de", "fr"),
                LanguageDetector.supportedLanguages());
    }
}
