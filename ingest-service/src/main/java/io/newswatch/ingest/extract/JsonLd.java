package io.newswatch.ingest.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org article a page describes in its JSON-LD scripts, if any. Pages often write
 * sloppy JSON (raw newlines in strings, trailing commas, comments), so parsing is lenient and a
 * script that still fails is ignored.
 */
final class JsonLd {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private final JsonNode article;

    private JsonLd(JsonNode article) {
        this.article = article;
    }

    /** The first article-like object of the page's JSON-LD, or an empty description. */
    static JsonLd of(Document doc) {
        List<JsonNode> objects = new ArrayList<>();
        for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
            parse(script.data()).ifPresent(node -> collect(node, objects));
        }
        JsonNode best = objects.stream().filter(JsonLd::isArticle).findFirst()
                .orElse(objects.stream().filter(o -> o.has("headline") || o.has("datePublished")).findFirst()
                        .orElse(null));
        return new JsonLd(best);
    }

    Optional<String> text(String field) {
        if (article == null) return Optional.empty();
        JsonNode value = article.get(field);
        if (value != null && value.isArray() && !value.isEmpty()) value = value.get(0);
        return value == null || !value.isValueNode() || value.asText().isBlank()
                ? Optional.empty() : Optional.of(value.asText().strip());
    }

    /** Names of the article's authors (persons or organisations), in order, without duplicates. */
    List<String> authors() {
        if (article == null) return List.of();
        Set<String> names = new LinkedHashSet<>();
        addNames(article.get("author"), names);
        if (names.isEmpty()) addNames(article.get("creator"), names);
        return List.copyOf(names);
    }

    private static void addNames(JsonNode node, Set<String> names) {
        if (node == null) return;
        if (node.isArray()) {
            node.forEach(n -> addNames(n, names));
        } else if (node.isTextual() && !node.asText().isBlank()) {
            names.add(node.asText().strip());
        } else if (node.isObject() && node.hasNonNull("name")) {
            addNames(node.get("name"), names);
        }
    }

    private static boolean isArticle(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) return false;
        for (JsonNode t : type.isArray() ? type : List.of(type)) {
            String name = t.asText();
            if (name.endsWith("Article") || name.endsWith("BlogPosting") || name.equals("Report")) return true;
        }
        return false;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, into));
        } else if (node.isObject()) {
            into.add(node);
            JsonNode graph = node.get("@graph");
            if (graph != null) collect(graph, into);
            JsonNode main = node.get("mainEntity");
            if (main != null && main.isObject()) collect(main, into);
        }
    }

    private static Optional<JsonNode> parse(String json) {
        try {
            return Optional.ofNullable(LENIENT.readTree(json.strip()));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // a broken script says nothing we can use
        }
    }
}
