package io.newswatch.enrich.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.enrich.enrichment.Enricher;
import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.sentiment.BundledSentimentModel;
import io.newswatch.enrich.sentiment.SentimentStage;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code annotate} on text nobody tuned for: every line gets a result, never an error. The tagger reads
 * a bounded share of a huge text by design (Paragraphs.MAX_LINE, NameRecognizer.MAX_TAGGED); time is not
 * asserted here (the machines are noisy), only that a result comes back.
 */
class AnnotateHostileTextTest {
    private static final BundledSentimentModel LEXICAL = BundledSentimentModel.LEXICAL;
    private static final Annotator ANNOTATOR = new Annotator(
            Enricher.standard(Gazetteer.bundled(), LEXICAL, Clock.systemUTC()), SentimentStage.of(LEXICAL));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMegabyteOfTextAllCapsNoLettersAndMixedScriptsAreAnnotated() throws Exception {
        String paragraph = "Armenian Prime Minister Nikol Pashinyan met Lusine Tavakalyan in Gyumri on Monday, "
                + "and the talks with Davit Gorgadze went on. ";
        String megabyte = (paragraph.repeat(40) + "\n").repeat(1_000_000 / (paragraph.length() * 40) + 1);
        List<String> texts = List.of(megabyte,
                "MOSCOW 1996-08-22\nPUTIN SAYS RUSSIA READY TO HELP ARMENIA AND AZERBAIJAN SIGN PEACE DEAL\n"
                        + "ROSTOV 2 VOLGOGRAD 1",
                "1996-08-22 12:00 +++ 42 -- 3.14 ::: ### \u2014 \u00a7\u00a7 100%",
                "Пашинян and Aliyev met in Абу-Даби; \u0540\u0561\u0575\u0561\u057d\u057f\u0561\u0576 \u10e1\u10d0\u10e5\u10d0\u10e0\u10d7\u10d5\u10d4\u10da\u10dd"
                        + " NATO \u4e2d\u56fd \u0627\u0644\u0639\u0631\u0627\u0642 Tbilisi.");
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            input.append(JSON.writeValueAsString(JSON.createObjectNode().put("id", i).put("text", texts.get(i)))).append('\n');
        }
        StringWriter out = new StringWriter();

        int failed = ANNOTATOR.annotate(new BufferedReader(new StringReader(input.toString())), out);

        String[] lines = out.toString().split("\n");
        assertEquals(0, failed, out.toString().substring(0, Math.min(2_000, out.toString().length())));
        assertEquals(texts.size(), lines.length);
        for (int i = 0; i < lines.length; i++) {
            JsonNode result = JSON.readTree(lines[i]);
            assertFalse(result.has("error"), lines[i]);
            for (JsonNode e : result.get("entities")) {
                assertEquals(e.get("text").asText(), texts.get(i).substring(e.get("start").asInt(), e.get("end").asInt()));
            }
        }
        assertTrue(JSON.readTree(lines[0]).get("entities").size() > 1_000, "names of the whole megabyte are linked");
        assertTrue(lines[1].contains("\"MOSCOW\""), lines[1]);
    }
}
