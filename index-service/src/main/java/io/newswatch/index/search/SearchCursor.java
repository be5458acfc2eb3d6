package io.newswatch.index.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Where the next page starts: the sort values of the last hit of a page ({@code search_after}),
 * handed to clients as an opaque string ({@code next}, given back as {@code after}). It records
 * the sort it belongs to, so a cursor of a relevance search is refused by a date-sorted one.
 *
 * @param order  the sort the values belong to
 * @param values the sort values: strings, longs or doubles
 */
public record SearchCursor(SortOrder order, List<Object> values) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;
    private static final int MAX_CHARS = 2_048;

    public SearchCursor {
        values = List.copyOf(values);
        for (Object v : values) {
            if (!(v instanceof String || v instanceof Long || v instanceof Double)) {
                throw new IllegalArgumentException("a cursor holds strings, longs and doubles, not " + v);
            }
        }
    }

    /** The opaque form: base64url of a small JSON object. */
    public String encode() {
        ObjectNode node = JSON.createObjectNode().put("v", VERSION).put("o", order.name());
        ArrayNode array = node.putArray("a");
        values.forEach(v -> array.addPOJO(v));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor given back by a client. */
    public static SearchCursor decode(String text) {
        if (text.length() > MAX_CHARS) throw invalid();
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(text));
            if (node == null || node.path("v").asInt() != VERSION || !node.path("a").isArray()) throw invalid();
            List<Object> values = new ArrayList<>();
            for (JsonNode v : node.get("a")) values.add(value(v));
            return new SearchCursor(SortOrder.valueOf(node.path("o").asText()), values);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static Object value(JsonNode v) {
        if (v.isTextual()) return v.asText();
        if (v.isIntegralNumber()) return v.asLong();
        if (v.isFloatingPointNumber()) return v.asDouble();
        throw invalid();
    }

    private static InvalidSearchException invalid() {
        return new InvalidSearchException("after", "not a cursor this API returned: pass the 'next' value of the previous page");
    }
}
