package io.newswatch.enrich.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "must show": {@code annotate} output in the DESIGN.md shape
 * {@code {id, language, entities:[{text, type, start, end, canonicalId, canonicalName, sentiment}],
 * sentiment:{score, label}, targets:[{start, end, sentiment:{score, label}}]}} for English, Russian
 * and Armenian news paragraphs, with the language detected and the names linked to the knowledge base.
 */
class AnnotateDesignShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASHINYAN = "Q7035479";
    private static final String ALIYEV = "nw:ilham-aliyev";
    private static final String YEREVAN = "Q1953";
    private static final String BAKU = "Q9248";
    private static final String MOSCOW = "Q649";
    private static final String AZERBAIJAN = "Q227";

    private static final String ENGLISH = "Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham "
            + "Aliyev in Abu Dhabi on Thursday, his office in Yerevan said. Baku welcomed the talks on a peace treaty, "
            + "and Foreign Minister Jeyhun Bayramov said the border commissions would meet again in Moscow.";
    private static final String RUSSIAN = "Премьер-министр Армении Никол Пашинян провёл в Москве переговоры с "
            + "президентом Азербайджана Ильхамом Алиевым. Стороны обсудили открытие коммуникаций через Сюник и "
            + "делимитацию границы, сообщили в Ереване и Баку.";
    private static final String ARMENIAN = "Վարչապետ Նիկոլ Փաշինյանը Երևանում հայտարարել է, որ Ադրբեջանի "
            + "նախագահ Իլհամ Ալիևի հետ խաղաղության պայմանագիրը պատրաստ է ստորագրման։ Բաքուն դեռ չի արձագանքել, "
            + "իսկ Մոսկվան կոչ է արել շարունակել բանակցությունները։";
    private static final Set<String> LABELS = Set.of("negative", "neutral", "positive");
    private static final Set<String> TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION");

    private static List<JsonNode> lines;

    @BeforeAll
    static void annotateThreeLanguages() throws Exception {
        String input = String.join("\n", line("en", ENGLISH, ENGLISH.indexOf("Pashinyan"), "Pashinyan"),
                line("ru", RUSSIAN, RUSSIAN.indexOf("Пашинян"), "Пашинян"),
                line("hy", ARMENIAN, ARMENIAN.indexOf("Փաշինյան"), "Փաշինյան")) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(new String[] {"annotate"}, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) lines.add(JSON.readTree(line));
        assertEquals(3, lines.size());
    }

    @Test
    void englishIsDetectedLinkedAndScored() {
        JsonNode en = lines.get(0);
        assertDesignShape(en, ENGLISH);
        assertEquals("en", en.get("language").asText());
        assertTrue(ids(en).containsAll(Set.of(PASHINYAN, ALIYEV, YEREVAN, BAKU, MOSCOW, "nw:abu-dhabi",
                "nw:jeyhun-bayramov")), ids(en).toString());
        assertTrue(en.get("sentiment").isObject(), "English gets a document sentiment");
        assertTrue(en.get("targets").get(0).get("sentiment").isObject(), "and a sentiment toward the target");
        for (JsonNode entity : en.get("entities")) assertTrue(entity.get("sentiment").isObject(), entity.toString());
    }

    @Test
    void russianIsDetectedAndItsCaseFormsAreLinked() {
        JsonNode ru = lines.get(1);
        assertDesignShape(ru, RUSSIAN);
        assertEquals("ru", ru.get("language").asText());
        assertTrue(ids(ru).containsAll(Set.of(PASHINYAN, ALIYEV, YEREVAN, BAKU, MOSCOW, AZERBAIJAN, "Q399",
                "nw:syunik")), ids(ru).toString());
        assertEquals("Алиевым", textOf(ru, ALIYEV));
        assertTrue(ru.get("sentiment").isNull(), "no sentiment is made up for Russian");
    }

    @Test
    void armenianIsDetectedAndItsCaseFormsAreLinked() {
        JsonNode hy = lines.get(2);
        assertDesignShape(hy, ARMENIAN);
        assertEquals("hy", hy.get("language").asText());
        assertTrue(ids(hy).containsAll(Set.of(PASHINYAN, ALIYEV, YEREVAN, BAKU, MOSCOW, AZERBAIJAN)), ids(hy).toString());
        assertEquals("Նիկոլ Փաշինյանը", textOf(hy, PASHINYAN));
        assertEquals("Nikol Pashinyan", entity(hy, PASHINYAN).get("canonicalName").asText());
        assertTrue(hy.get("sentiment").isNull(), "no sentiment is made up for Armenian");
    }

    /** Exactly the DESIGN.md fields, offsets that point at the mention text, scores and labels in range. */
    private static void assertDesignShape(JsonNode line, String text) {
        assertEquals(Set.of("id", "language", "entities", "sentiment", "targets"), fields(line), line.toString());
        assertTrue(line.get("entities").size() > 0);
        for (JsonNode entity : line.get("entities")) {
            assertEquals(Set.of("text", "type", "start", "end", "canonicalId", "canonicalName", "sentiment"),
                    fields(entity), entity.toString());
            assertTrue(TYPES.contains(entity.get("type").asText()), entity.toString());
            assertEquals(entity.get("text").asText(), text.substring(entity.get("start").asInt(), entity.get("end").asInt()));
            assertSentiment(entity.get("sentiment"));
        }
        assertSentiment(line.get("sentiment"));
        JsonNode target = line.get("targets").get(0);
        assertEquals(Set.of("start", "end", "sentiment"), fields(target));
        assertSentiment(target.get("sentiment"));
    }

    private static void assertSentiment(JsonNode sentiment) {
        if (sentiment.isNull()) return;
        assertEquals(Set.of("score", "label"), fields(sentiment));
        double score = sentiment.get("score").asDouble();
        assertTrue(score >= -1 && score <= 1, sentiment.toString());
        assertTrue(LABELS.contains(sentiment.get("label").asText()), sentiment.toString());
    }

    private static String line(String id, String text, int start, String target) throws Exception {
        return JSON.writeValueAsString(Map.of("id", id, "text", text,
                "targets", List.of(Map.of("start", start, "end", start + target.length()))));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> ids(JsonNode line) {
        Set<String> ids = new HashSet<>();
        for (JsonNode entity : line.get("entities")) ids.add(entity.get("canonicalId").asText());
        return ids;
    }

    private static JsonNode entity(JsonNode line, String id) {
        for (JsonNode entity : line.get("entities")) if (entity.get("canonicalId").asText().equals(id)) return entity;
        throw new AssertionError(id + " not in " + line);
    }

    private static String textOf(JsonNode line, String id) {
        return entity(line, id).get("text").asText();
    }
}
