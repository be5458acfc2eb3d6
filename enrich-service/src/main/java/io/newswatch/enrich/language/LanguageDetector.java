package io.newswatch.enrich.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Detects the language of a text among the languages newswatch users read, with Lingua.
 *
 * <p>Building Lingua's detector loads its n-gram models (seconds, a few hundred MiB), so one
 * detector is built the first time {@link #shared()} is used and is then shared by every
 * enricher in the JVM; Lingua keeps its models process-wide anyway and is thread-safe.
 */
public final class LanguageDetector {
    /** The version recorded on enriched articles: the library and its bundled models. */
    public static final String VERSION = "lingua-1.2.2";

    /** Languages of South Caucasus coverage, plus German and French for EU sources. */
    static final Set<Language> LANGUAGES = EnumSet.of(Language.ENGLISH, Language.RUSSIAN, Language.ARMENIAN,
            Language.AZERBAIJANI, Language.GEORGIAN, Language.TURKISH, Language.UKRAINIAN, Language.PERSIAN,
            Language.GERMAN, Language.FRENCH);

    /** Fewer letters than this are too little to tell anything. */
    static final int MIN_LETTERS = 3;
    /** Texts with fewer letters than this must have a clear winner (see {@link #SHORT_TEXT_MARGIN}). */
    static final int SHORT_TEXT_LETTERS = 20;
    /**
     * How far ahead (in Lingua's relative confidence, the best being 1.0) the best language of a
     * short text must be: "Baku" alone is as Turkish as it is Azerbaijani or English.
     */
    static final double SHORT_TEXT_MARGIN = 0.1;
    /** Lingua's accuracy stops improving long before this; the cost keeps growing with length. */
    static final int MAX_SAMPLE_CHARS = 3_000;

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;

    private LanguageDetector(com.github.pemistahl.lingua.api.LanguageDetector lingua) {
        this.lingua = lingua;
    }

    /** The detector of this JVM, built (models loaded) on first call. */
    public static LanguageDetector shared() {
        return Shared.INSTANCE;
    }

    /**
     * The ISO 639-1 code of the language of {@code text}, or null when it has fewer than
     * {@value #MIN_LETTERS} letters, or fewer than {@value #SHORT_TEXT_LETTERS} and no language is
     * clearly ahead. Only the first {@value #MAX_SAMPLE_CHARS} chars are read.
     */
    public String detect(String text) {
        int letters = text == null ? 0 : letters(text);
        if (letters < MIN_LETTERS) return null;
        List<Map.Entry<Language, Double>> ranked =
                List.copyOf(lingua.computeLanguageConfidenceValues(sample(text)).entrySet());
        if (ranked.isEmpty() || ranked.get(0).getKey() == Language.UNKNOWN) return null;
        boolean clearWinner = ranked.size() == 1
                || ranked.get(0).getValue() - ranked.get(1).getValue() >= SHORT_TEXT_MARGIN;
        return letters >= SHORT_TEXT_LETTERS || clearWinner ? code(ranked.get(0).getKey()) : null;
    }

    /** The ISO 639-1 codes this detector can return. */
    public static Set<String> supportedLanguages() {
        return LANGUAGES.stream().map(LanguageDetector::code).collect(Collectors.toUnmodifiableSet());
    }

    static String code(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    static String sample(String text) {
        if (text.length() <= MAX_SAMPLE_CHARS) return text;
        int end = MAX_SAMPLE_CHARS;
        while (end > 0 && !Character.isWhitespace(text.charAt(end))) end--; // never split a word
        return text.substring(0, end == 0 ? MAX_SAMPLE_CHARS : end);
    }

    private static int letters(String text) {
        return (int) text.codePoints().limit(MAX_SAMPLE_CHARS).filter(Character::isLetter).limit(SHORT_TEXT_LETTERS)
                .count();
    }

    /** Holder idiom: built on first use, exactly once, without locking afterwards. */
    private static final class Shared {
        static final LanguageDetector INSTANCE = new LanguageDetector(LanguageDetectorBuilder
                .fromLanguages(LANGUAGES.toArray(new Language[0]))
                .withPreloadedLanguageModels()
                .build());
    }
}
