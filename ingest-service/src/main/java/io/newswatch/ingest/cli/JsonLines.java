package io.newswatch.ingest.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.events.EventJson;
import java.io.PrintWriter;
import java.util.Map;

/** Writes one JSON object per line, with ISO-8601 instants and nulls kept (a stable shape). */
final class JsonLines {
    private static final ObjectMapper JSON = EventJson.mapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);

    private JsonLines() {}

    static void write(PrintWriter out, Map<String, ?> line) {
        try {
            out.println(JSON.writeValueAsString(line));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON line", e);
        }
    }
}
