package io.newswatch.enrich.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.enrich.enrichment.Analysis;
import io.newswatch.enrich.enrichment.Enricher;
import io.newswatch.enrich.sentiment.SentimentStage;
import io.newswatch.events.EntityMention;
import io.newswatch.events.EventJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;

/**
 * The {@code annotate} tool: JSON Lines {@code {id, text, targets?}} in, one line out per input
 * line, in order: {@code {id, language, entities:[{text, type, start, end, canonicalId,
 * canonicalName, sentiment}], sentiment:{score, label}, targets:[{start, end, sentiment}]}}, or
 * {@code {id, line, error}} for a line that cannot be annotated.
 *
 * <p>Offsets are UTF-16 code units (Java {@code String} indices) into {@code text}, end
 * exclusive. Sentiment is computed for English text only; elsewhere it is null, not made up.
 */
final class Annotator {
    private final Enricher enricher;
    private final SentimentStage targetSentiment;
    private final ObjectMapper json = EventJson.mapper();

    /** An annotator running {@code enricher}, and {@code targetSentiment} over the given targets. */
    Annotator(Enricher enricher, SentimentStage targetSentiment) {
        this.enricher = enricher;
        this.targetSentiment = targetSentiment;
    }

    /** Annotates every line of {@code in}; returns how many lines failed. Blank lines are skipped. */
    int annotate(BufferedReader in, Writer out) throws IOException {
        int failed = 0;
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank()) continue;
            ObjectNode result = annotateLine(line, number);
            if (result.has("error")) failed++;
            out.write(json.writeValueAsString(result));
            out.write('\n');
            out.flush();
        }
        return failed;
    }

    private ObjectNode annotateLine(String line, int number) {
        JsonNode id = NullNode.instance;
        try {
            JsonNode input = json.readTree(line);
            if (!input.isObject()) throw new BadInputException("expected a JSON object {id, text, targets?}");
            id = input.path("id").isMissingNode() ? NullNode.instance : input.get("id");
            String text = text(input);
            JsonNode targets = input.path("targets");
            checkTargets(targets, text.length());
            return output(id, enricher.analyse(text, null), targets);
        } catch (JsonProcessingException e) {
            return error(id, number, "not JSON: " + e.getOriginalMessage());
        } catch (BadInputException e) {
            return error(id, number, e.getMessage());
        } catch (RuntimeException e) {
            return error(id, number, "enrichment failed: " + e);
        }
    }

    private static String text(JsonNode input) {
        JsonNode text = input.get("text");
        if (text == null || !text.isTextual()) throw new BadInputException("\"text\" is required and must be a string");
        return text.asText();
    }

    private static void checkTargets(JsonNode targets, int length) {
        if (targets.isMissingNode() || targets.isNull()) return;
        if (!targets.isArray()) throw new BadInputException("\"targets\" must be an array of {start, end}");
        for (JsonNode target : targets) {
            JsonNode start = target.get("start");
            JsonNode end = target.get("end");
            if (start == null || end == null || !start.canConvertToInt() || !end.canConvertToInt()
                    || start.asInt() < 0 || end.asInt() <= start.asInt() || end.asInt() > length) {
                throw new BadInputException("target " + target + " must have integers 0 <= start < end <= "
                        + length + " (UTF-16 offsets into text)");
            }
        }
    }

    private ObjectNode output(JsonNode id, Analysis analysis, JsonNode targets) {
        ObjectNode out = json.createObjectNode();
        out.set("id", id);
        out.put("language", analysis.language());
        ArrayNode entities = out.putArray("entities");
        for (EntityMention mention : analysis.entities()) {
            entities.addObject().put("text", mention.text()).put("type", mention.type())
                    .put("start", mention.start()).put("end", mention.end())
                    .put("canonicalId", mention.canonicalId()).put("canonicalName", mention.canonicalName())
                    .set("sentiment", json.valueToTree(mention.sentiment()));
        }
        out.set("sentiment", json.valueToTree(analysis.sentiment()));
        ArrayNode spans = out.putArray("targets");
        for (JsonNode target : targets) {
            int start = target.get("start").asInt();
            int end = target.get("end").asInt();
            spans.addObject().put("start", start).put("end", end)
                    .set("sentiment", json.valueToTree(targetSentiment.toward(analysis, start, end)));
        }
        return out;
    }

    private ObjectNode error(JsonNode id, int line, String message) {
        ObjectNode out = json.createObjectNode();
        out.set("id", id);
        out.put("line", line);
        out.put("error", message);
        return out;
    }

    /** An input line that does not have the expected shape. */
    private static final class BadInputException extends RuntimeException {
        BadInputException(String message) {
            super(message);
        }
    }
}
