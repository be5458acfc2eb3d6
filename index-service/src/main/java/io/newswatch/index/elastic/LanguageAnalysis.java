package io.newswatch.index.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Language-aware analysis of {@code title} and {@code text}, where the cluster offers it. The full
 * Elasticsearch distribution's {@code analysis-common} module has language analyzers (stemming,
 * stop words); the integ-test distribution does not. With it, both fields get one subfield per
 * language of the coverage ({@code text.en}, {@code text.ru}, {@code text.hy}) that searches also
 * query, so "sanctions" finds "sanction" and "переговоры" finds "переговорах". Every document is
 * analysed by all of them: a language's stemmer leaves other scripts alone, and a document's
 * declared language is often wrong for quotes and names. Without the module, the template keeps
 * the standard analyzer only and searches of the subfields find nothing (unmapped), so the same
 * query works on both.
 */
public final class LanguageAnalysis {
    /** Subfield name to built-in analyzer, for the languages newswatch covers that Elasticsearch has one for. */
    static final Map<String, String> ANALYZERS = orderedAnalyzers();
    /** The analysed fields that get language subfields. */
    static final List<String> FIELDS = List.of("title", "text");

    private LanguageAnalysis() {}

    /** The fields a query without a field searches, title boosted: the plain fields and their language subfields. */
    public static List<String> searchFields(List<String> plainFields) {
        List<String> fields = new java.util.ArrayList<>(plainFields);
        for (String plain : plainFields) {
            String[] nameAndBoost = plain.split("\\^", 2);
            String boost = nameAndBoost.length > 1 ? "^" + nameAndBoost[1] : "";
            ANALYZERS.keySet().forEach(lang -> fields.add(nameAndBoost[0] + "." + lang + boost));
        }
        return List.copyOf(fields);
    }

    /** The template for a cluster with these capabilities: {@code base} itself, or a copy with language subfields. */
    static JsonNode template(JsonNode base, ClusterCapabilities capabilities) {
        if (!capabilities.analysisCommon()) return base;
        ObjectNode template = base.deepCopy();
        ObjectNode properties = (ObjectNode) template.path("mappings").path("properties");
        for (String field : FIELDS) {
            ObjectNode mapping = (ObjectNode) properties.get(field);
            ObjectNode subfields = mapping.has("fields") ? (ObjectNode) mapping.get("fields") : mapping.putObject("fields");
            ANALYZERS.forEach((lang, analyzer) -> subfields.putObject(lang).put("type", "text")
                    .put("analyzer", analyzer).put("index_options", "offsets"));
        }
        ((ObjectNode) template.path("mappings").path("_meta")).put("note",
                "Language subfields " + ANALYZERS + " on " + FIELDS + " (the cluster has analysis-common).");
        return template;
    }

    /** For the start-up log. */
    static String describe(boolean analysisCommon) {
        return analysisCommon
                ? "language analyzers " + ANALYZERS + " on subfields of " + FIELDS + " (analysis-common is available)"
                : "standard analyzer only (no analysis-common module, so no language analyzers: the full "
                        + "Elasticsearch distribution has them)";
    }

    private static Map<String, String> orderedAnalyzers() {
        Map<String, String> analyzers = new LinkedHashMap<>();
        analyzers.put("en", "english");
        analyzers.put("ru", "russian");
        analyzers.put("hy", "armenian");
        return java.util.Collections.unmodifiableMap(analyzers);
    }
}
