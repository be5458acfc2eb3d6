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
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int status, List<JsonNode> lines, String stderr) {}

    private static Run run(String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) lines.add(JSON.readTree(line));
        }
        return new Run(status, lines, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void annotateWritesOneLinePerInputInOrderAndGoesOnAfterABadLine() throws Exception {
        String text = "😀 Pashinyan met Aliyev in Brussels.";
        String input = String.join("\n",
                JSON.writeValueAsString(java.util.Map.of("id", "a", "text", text)),
                "this is not json",
                "{\"id\":\"c\",\"text\":\"Пашинян заявил, что мирный договор готов.\",\"targets\":[{\"start\":0,\"end\":7}]}",
                "{\"id\":\"d\"}",
                "",
                "{\"id\":5,\"text\":\"short\",\"targets\":[{\"start\":0,\"end\":50}]}") + "\n";

        Run run = run(input, "annotate");

        assertEquals(1, run.status(), "a bad line makes the exit status non-zero");
        assertTrue(run.stderr().contains("3 line(s)"), run.stderr());
        assertEquals(5, run.lines().size(), "blank lines are skipped, every other line answered");
        JsonNode first = run.lines().get(0);
        assertEquals("a", first.get("id").asText());
        assertEquals("en", first.get("language").asText());
        assertTrue(first.get("sentiment").has("label"), "English text gets a document sentiment");
        assertTrue(run.lines().get(2).get("sentiment").isNull(), "Russian is not guessed at");
        assertTrue(run.lines().get(2).get("targets").get(0).get("sentiment").isNull());
        List<String> ids = new ArrayList<>();
        for (JsonNode entity : first.get("entities")) {
            ids.add(entity.get("canonicalId").asText());
            String mention = entity.get("text").asText();
            assertEquals(mention, text.substring(entity.get("start").asInt(), entity.get("end").asInt()),
                    "offsets are UTF-16 indices, even after an emoji");
        }
        assertEquals(List.of("Q7035479", "nw:ilham-aliyev", "Q239"), ids);
        JsonNode pashinyan = first.get("entities").get(0);
        assertEquals("PERSON", pashinyan.get("type").asText());
        assertEquals("Nikol Pashinyan", pashinyan.get("canonicalName").asText());
        assertEquals(3, pashinyan.get("start").asInt()); // the emoji is two UTF-16 units

        assertTrue(run.lines().get(1).get("error").asText().startsWith("not JSON"));
        assertEquals(2, run.lines().get(1).get("line").asInt());
        assertEquals("ru", run.lines().get(2).get("language").asText());
        assertEquals("Q7035479", run.lines().get(2).get("entities").get(0).get("canonicalId").asText());
        assertEquals("d", run.lines().get(3).get("id").asText());
        assertTrue(run.lines().get(3).get("error").asText().contains("\"text\" is required"));
        assertEquals(5, run.lines().get(4).get("id").asInt());
        assertTrue(run.lines().get(4).get("error").asText().contains("<= 5"));
    }

    @Test
    void annotateUsesTheSentimentModelItIsToldToAndRefusesAnUnknownOne() throws Exception {
        String input = "{\"id\":\"x\",\"text\":\"Critics accused Aliyev of corruption and fraud.\"}\n";
        Run lexical = run(input, "annotate", "--sentiment-model", "lexical");
        Run minilm = run(input, "annotate", "--sentiment-model", "minilm");
        assertEquals(0, lexical.status(), lexical.stderr());
        assertEquals(0, minilm.status(), minilm.stderr());
        double lexicalScore = lexical.lines().get(0).get("entities").get(0).get("sentiment").get("score").asDouble();
        double minilmScore = minilm.lines().get(0).get("entities").get(0).get("sentiment").get("score").asDouble();
        assertTrue(lexicalScore < 0 && minilmScore < 0 && lexicalScore != minilmScore, lexicalScore + " " + minilmScore);

        Run unknown = run(input, "annotate", "--sentiment-model", "vader");
        assertEquals(2, unknown.status());
        assertTrue(unknown.stderr().contains("--sentiment-model must be one of [minilm, lexical]"), unknown.stderr());
    }

    @Test
    void annotateOfGoodLinesExitsZeroAndKeepsAnUndeterminedLanguageAsNull() throws Exception {
        Run run = run("{\"id\":\"x\",\"text\":\"EU\"}\n", "annotate");
        assertEquals(0, run.status());
        JsonNode line = run.lines().get(0);
        assertTrue(line.get("language").isNull());
        assertEquals("Q458", line.get("entities").get(0).get("canonicalId").asText());
    }

    @Test
    void annotateGivesSentimentTowardEachTargetAndEachEntityInTheDesignShape() throws Exception {
        String text = "Pashinyan praised the brave reformers, while critics accused Aliyev of corruption and abuse.";
        int aliyev = text.indexOf("Aliyev");
        String input = JSON.writeValueAsString(java.util.Map.of("id", "s", "text", text, "targets",
                List.of(java.util.Map.of("start", aliyev, "end", aliyev + 6)))) + "\n";

        JsonNode line = run(input, "annotate").lines().get(0);

        assertEquals("en", line.get("language").asText());
        double score = line.get("sentiment").get("score").asDouble();
        assertTrue(score >= -1 && score <= 1);
        JsonNode target = line.get("targets").get(0);
        assertEquals(aliyev, target.get("start").asInt());
        assertEquals(aliyev + 6, target.get("end").asInt());
        assertEquals("negative", target.get("sentiment").get("label").asText());
        for (JsonNode entity : line.get("entities")) {
            assertTrue(entity.get("sentiment").has("score"), entity.toString());
        }
    }

    @Test
    void trainAndBenchSentimentRoundTripAModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path data = dir.resolve("tiny.jsonl");
        java.nio.file.Files.writeString(data, String.join("\n",
                "{\"primary_gid\":\"1\",\"sentence_normalized\":\"Smith praised the wonderful plan.\","
                        + "\"targets\":[{\"from\":0,\"to\":5,\"polarity\":6.0}]}",
                "{\"primary_gid\":\"2\",\"sentence_normalized\":\"Jones was accused of fraud.\","
                        + "\"targets\":[{\"from\":0,\"to\":5,\"polarity\":2.0}]}",
                "{\"primary_gid\":\"3\",\"sentence_normalized\":\"Brown arrived on Tuesday.\","
                        + "\"targets\":[{\"from\":0,\"to\":5,\"polarity\":4.0}]}"));
        java.nio.file.Path model = dir.resolve("model.json");

        Run train = run("", "train-sentiment", "--train", data.toString(), "--out", model.toString(),
                "--dimension-bits", "12");
        assertEquals(0, train.status(), train.stderr());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.execute(new String[] {"bench-sentiment", "--data", data.toString(), "--model",
            model.toString()}, new ByteArrayInputStream(new byte[0]), out, new PrintStream(out, true));
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, report);
        assertTrue(report.contains("macro-F1 1.0000"), report);
        assertTrue(report.contains("confusion matrix"), report);
    }

    @Test
    void helpNamesTheAnnotateCommand() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.execute(new String[] {"--help"}, new ByteArrayInputStream(new byte[0]), out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("annotate"));
    }
}
