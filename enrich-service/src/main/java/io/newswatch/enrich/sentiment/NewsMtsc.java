package io.newswatch.enrich.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.events.Sentiment;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the NewsMTSC data set (Hamborg and Donnay, EACL 2021, MIT licence): JSON Lines of
 * {@code {primary_gid, sentence_normalized, targets:[{from, to, polarity}]}}, polarity 2, 4, 6
 * for negative, neutral, positive; {@code to} is exclusive. A target's {@code further_mentions}
 * (automatically found coreferences, labelled like the target) are read as coreference targets.
 */
public final class NewsMtsc {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NewsMtsc() {}

    /** Every target of every sentence in {@code file}, with their coreferent mentions. */
    public static List<LabelledTarget> read(Path file) throws IOException {
        List<LabelledTarget> targets = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (!line.isBlank()) addTargets(JSON.readTree(line), file + ":" + number, targets);
            }
        }
        return targets;
    }

    private static void addTargets(JsonNode sentence, String where, List<LabelledTarget> targets) {
        String text = sentence.path("sentence_normalized").asText();
        String id = sentence.path("primary_gid").asText(where);
        for (JsonNode target : sentence.path("targets")) {
            Sentiment.Label label = label(target.path("polarity").asDouble(), where);
            targets.add(new LabelledTarget(id, text, target.path("from").asInt(), target.path("to").asInt(), label,
                    false));
            for (JsonNode further : target.path("further_mentions")) {
                targets.add(new LabelledTarget(id, text, further.path("from").asInt(), further.path("to").asInt(),
                        label, true));
            }
        }
    }

    static Sentiment.Label label(double polarity, String where) {
        if (polarity == 2) return Sentiment.Label.NEGATIVE;
        if (polarity == 4) return Sentiment.Label.NEUTRAL;
        if (polarity == 6) return Sentiment.Label.POSITIVE;
        throw new IllegalArgumentException(where + ": polarity must be 2, 4 or 6, was " + polarity);
    }
}
