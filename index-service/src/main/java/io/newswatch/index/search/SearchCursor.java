package io.newswatch.index.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Where the next page starts: the sort values of the last hit of a page ({@code search_after}) and
 * the point in time the pages are read from, handed to clients as an opaque string ({@code next},
 * given back as {@code after}). It records the sort it belongs to, so a cursor of a relevance
 * search is refused by a date-sorted one.
 *
 * <p>The opaque form is deflated JSON in base64url: a point-in-time id names every shard it holds
 * open (a monthly index each), so it grows with the archive's months; compressed, a cursor over
 * five years of months still fits in a URL. Cursors written before points in time existed (plain
 * JSON, no {@code p}) are still read: they page without one.
 *
 * @param order  the sort the values belong to
 * @param values the sort values: strings, longs or doubles
 * @param pitId  the point in time the pages are read from, or null
 */
public record SearchCursor(SortOrder order, List<Object> values, String pitId) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;
    /** Also bounds what a hostile cursor can make us inflate. */
    private static final int MAX_CHARS = 12_000;
    private static final int MAX_INFLATED = 64 * 1024;

    public SearchCursor {
        values = List.copyOf(values);
        for (Object v : values) {
            if (!(v instanceof String || v instanceof Long || v instanceof Double)) {
                throw new IllegalArgumentException("a cursor holds strings, longs and doubles, not " + v);
            }
        }
    }

    /** A cursor without a point in time. */
    public SearchCursor(SortOrder order, List<Object> values) {
        this(order, values, null);
    }

    /** The point in time the pages are read from, when there is one. */
    public Optional<String> pointInTime() {
        return Optional.ofNullable(pitId);
    }

    /** The opaque form: base64url of deflated JSON. */
    public String encode() {
        ObjectNode node = JSON.createObjectNode().put("v", VERSION).put("o", order.name());
        ArrayNode array = node.putArray("a");
        values.forEach(array::addPOJO);
        if (pitId != null) node.put("p", pitId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(deflate(node.toString()));
    }

    /** Reads a cursor given back by a client. */
    public static SearchCursor decode(String text) {
        if (text.length() > MAX_CHARS) throw invalid();
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text);
            JsonNode node = JSON.readTree(bytes.length > 0 && bytes[0] == '{' ? bytes : inflate(bytes));
            if (node == null || node.path("v").asInt() != VERSION || !node.path("a").isArray()) throw invalid();
            List<Object> values = new ArrayList<>();
            for (JsonNode v : node.get("a")) values.add(value(v));
            JsonNode pit = node.path("p");
            if (!pit.isMissingNode() && !pit.isTextual()) throw invalid();
            return new SearchCursor(SortOrder.valueOf(node.path("o").asText()), values,
                    pit.isTextual() ? pit.asText() : null);
        } catch (IOException | IllegalArgumentException | DataFormatException e) {
            throw invalid();
        }
    }

    private static byte[] deflate(String json) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) throw new DataFormatException("truncated");
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) throw new DataFormatException("too large");
            }
            return out.toByteArray();
        } finally {
            inflater.end();
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
