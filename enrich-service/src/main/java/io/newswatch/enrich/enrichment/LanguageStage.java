package io.newswatch.enrich.enrichment;

import io.newswatch.enrich.language.LanguageDetector;
import java.util.Locale;
import java.util.Map;

/**
 * Detects the language. When the text is too short to tell, the language the page declared is
 * used if it is one the detector knows (pages often declare a site-wide language, so the
 * declaration never overrides a detection).
 */
final class LanguageStage implements EnrichmentStage {
    private final LanguageDetector detector;

    LanguageStage(LanguageDetector detector) {
        this.detector = detector;
    }

    @Override
    public Analysis apply(Analysis analysis) {
        String detected = detector.detect(analysis.text());
        return analysis.withLanguage(detected != null ? detected : declared(analysis.declaredLanguage()));
    }

    @Override
    public Map<String, String> versions() {
        return Map.of("language", LanguageDetector.VERSION);
    }

    /** The primary subtag of a BCP 47 tag ("hy-AM" gives "hy") when the detector supports it, else null. */
    static String declared(String tag) {
        if (tag == null || tag.isBlank()) return null;
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return LanguageDetector.supportedLanguages().contains(primary) ? primary : null;
    }
}
