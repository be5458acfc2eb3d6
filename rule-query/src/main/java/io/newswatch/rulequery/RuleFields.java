package io.newswatch.rulequery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * The fields a rule can name, mirroring the mapping of index-service's article index
 * ({@code elastic/article-template.json}) so that a rule matches the same articles live and over
 * the archive: {@code text} fields use Elasticsearch's standard analyzer, {@code keyword} fields
 * match exactly (case-sensitive), and the mapping's aliases ({@code lang}, {@code author},
 * {@code topic}) name the same fields.
 */
public final class RuleFields {
    /** The headline (text). */
    public static final String TITLE = "title";
    /** The body (text). */
    public static final String TEXT = "text";
    /** Canonical names, ids and spellings of the entities found (text). */
    public static final String ENTITY = "entity";
    /** The source name (keyword). */
    public static final String SOURCE = "source";
    /** The detected, else declared, language (keyword). */
    public static final String LANGUAGE = "language";
    /** Topic slugs (keyword). */
    public static final String TOPICS = "topics";
    /** Bylines (keyword). */
    public static final String AUTHORS = "authors";
    /** Canonical ids of the entities found (keyword). */
    public static final String ENTITY_IDS = "entityIds";
    /** The article id (keyword). */
    public static final String ID = "id";
    /** The URL fetched (keyword). */
    public static final String URL = "url";
    /** The canonical URL (keyword). */
    public static final String CANONICAL_URL = "canonicalUrl";

    /**
     * Title and text in one field, for matching only: a term or phrase without a field matches
     * it exactly when it matches title or text, and the Monitor then holds one query instead of
     * two per term (measured: a third less time per article with 10,000 rules). A huge position
     * gap keeps phrases from spanning the title and the text.
     */
    public static final String CONTENT = "_content";
    static final int CONTENT_POSITION_GAP = 100_000;

    /** Fields searched by terms without a field, like index-service's {@code QuerySyntax.DEFAULT_FIELDS}. */
    public static final List<String> DEFAULT_FIELDS = List.of(TITLE, TEXT);

    static final Set<String> TEXT_FIELDS = Set.of(TITLE, TEXT, ENTITY);
    static final Set<String> KEYWORD_FIELDS = Set.of(SOURCE, LANGUAGE, TOPICS, AUTHORS, ENTITY_IDS, ID, URL,
            CANONICAL_URL);
    /** The mapping's field aliases. */
    static final Map<String, String> ALIASES = Map.of("lang", LANGUAGE, "author", AUTHORS, "topic", TOPICS);

    private RuleFields() {}

    /** The stored field a name in a rule means, or empty when rules cannot use it. */
    public static Optional<String> resolve(String name) {
        String field = ALIASES.getOrDefault(name, name);
        return TEXT_FIELDS.contains(field) || KEYWORD_FIELDS.contains(field) ? Optional.of(field) : Optional.empty();
    }

    /** The names a rule may use, for error messages. */
    public static List<String> names() {
        return List.of(TITLE, TEXT, ENTITY, SOURCE, "lang", LANGUAGE, "topic", "author", ENTITY_IDS, ID, URL,
                CANONICAL_URL);
    }

    /**
     * The analysis of every field: the same for parsing rules and for indexing an article. One
     * instance for everything: analyzers are thread-safe and keep their token streams per thread.
     */
    private static final Analyzer ANALYZER = newAnalyzer();

    /** The shared analyzer of rules and articles. */
    public static Analyzer analyzer() {
        return ANALYZER;
    }

    private static Analyzer newAnalyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        KeywordAnalyzer keyword = new KeywordAnalyzer();
        KEYWORD_FIELDS.forEach(field -> perField.put(field, keyword));
        perField.put(CONTENT, new StandardTextAnalyzer(CONTENT_POSITION_GAP));
        return new PerFieldAnalyzerWrapper(new StandardTextAnalyzer(StandardTextAnalyzer.POSITION_INCREMENT_GAP),
                perField);
    }
}
