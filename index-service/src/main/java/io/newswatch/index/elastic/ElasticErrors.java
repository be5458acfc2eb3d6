package io.newswatch.index.elastic;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** Reads Elasticsearch errors: is it worth retrying, and what is the human-readable reason. */
public final class ElasticErrors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOO_MANY_REQUESTS = 429;

    private ElasticErrors() {}

    /**
     * True when a whole request failed because the cluster is unreachable, overloaded or refuses
     * us (authentication): retry later. False when the request itself was bad.
     */
    public static boolean isUnavailable(Exception e) {
        if (e instanceof ElasticsearchException es) return isUnavailableStatus(es.status());
        return e instanceof IOException;
    }

    /** True for HTTP statuses that say "not now" rather than "not this": 401, 403, 408, 429, 5xx. */
    public static boolean isUnavailableStatus(int status) {
        return status == 401 || status == 403 || status == 408 || status == TOO_MANY_REQUESTS || status >= 500;
    }

    /** A one-line description of an error: {@code type: reason}, with the innermost cause. */
    public static String describe(ErrorCause cause) {
        if (cause == null) return "unknown error";
        String text = cause.type() + ": " + cause.reason();
        ErrorCause inner = cause.causedBy();
        while (inner != null && inner.causedBy() != null) inner = inner.causedBy();
        return inner == null ? text : text + " (caused by " + inner.type() + ": " + inner.reason() + ")";
    }

    /** A one-line description of a failed request, without secrets or stack traces. */
    public static String describe(Exception e) {
        if (e instanceof ElasticsearchException es) return es.status() + " " + describe(es.error());
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * Why a search request was refused, in the words that point at the problem: the query
     * parser's message when it could not parse the query ("Cannot parse 'title:(a': Encountered
     * "<EOF>" at line 1, column 8."), else the first root cause.
     */
    public static String searchError(ElasticsearchException e) {
        ErrorCause error = e.error();
        if (error == null) return describe(e);
        JsonData shards = error.metadata().get("failed_shards");
        Optional<String> parse = shards == null ? Optional.empty() : findParseReason(toTree(shards));
        if (parse.isPresent()) return firstLine(parse.get());
        return error.rootCause().isEmpty() ? describe(error) : firstLine(error.rootCause().get(0).reason());
    }

    /** Depth-first: the reason of the first {@code parse_exception} in an error tree. */
    private static Optional<String> findParseReason(JsonNode node) {
        if (node == null) return Optional.empty();
        if (node.isObject() && "parse_exception".equals(node.path("type").asText())
                && node.hasNonNull("reason")) {
            return Optional.of(node.get("reason").asText());
        }
        for (JsonNode child : node) {
            Optional<String> found = findParseReason(child);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    private static JsonNode toTree(JsonData data) {
        try {
            return JSON.readTree(data.toJson().toString());
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }
}
