package io.newswatch.enrich.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.enrichment.Enricher;
import io.newswatch.enrich.entities.Gazetteer;
import io.newswatch.enrich.language.LanguageDetector;
import io.newswatch.enrich.sentiment.BundledSentimentModel;
import io.newswatch.events.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchEnrichCommandTest {

    @Test
    void printsArticlesPerSecondAndTheTimeOfEveryStage(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Pashinyan says the peace treaty is ready\n"
                + "Armenian Prime Minister Nikol Pashinyan told reporters in Yerevan that the treaty with Azerbaijan "
                + "could be signed by the end of the year.");
        Files.writeString(dir.resolve("b.txt"), "Пашинян и Алиев встретились в Абу-Даби\n"
                + "Премьер-министр Армении и президент Азербайджана обсудили мирный договор.");
        Files.writeString(dir.resolve("notes.md"), "not an article");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.execute(new String[] {"bench-enrich", "--corpus", dir.toString(), "--warm-up", "1",
            "--rounds", "2"}, new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("corpus: 2 articles"), printed);
        Matcher rate = Pattern.compile("throughput: ([0-9.]+) articles/s").matcher(printed);
        assertTrue(rate.find() && Double.parseDouble(rate.group(1)) > 0, printed);
        for (String stage : stageNames()) {
            assertTrue(Pattern.compile("(?m)^" + stage + "( +[0-9.]+){4} +[0-9.]+%$").matcher(printed).find(),
                    stage + " has a row: " + printed);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("timed 2/2: 2 articles"), "progress on stderr");
    }

    @Test
    void readsJsonLinesFromTheExtractorAndSkipsFailedPages(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("pages.jsonl");
        Files.writeString(jsonl, String.join("\n",
                "{\"file\":\"a.html.gz\",\"url\":\"https://www.azatutyun.am/a/1.html\",\"title\":\"T\",\"language\":\"en\","
                        + "\"text\":\"Pashinyan spoke.\"}",
                "{\"file\":\"b.html.gz\",\"url\":null,\"error\":\"not HTML\"}",
                "",
                "{\"title\":\"no url\",\"text\":\"Алиев заявил.\"}"));

        List<RawArticle> articles = BenchCorpus.read(jsonl);

        assertEquals(2, articles.size());
        assertEquals("azatutyun.am", articles.get(0).source());
        assertEquals("en", articles.get(0).language());
        assertEquals("Pashinyan spoke.", articles.get(0).text());
        assertEquals("bench:pages.jsonl#4", articles.get(1).url());
    }

    private static List<String> stageNames() {
        return Enricher.standardStages(LanguageDetector.shared(), Gazetteer.bundled(), BundledSentimentModel.LEXICAL).stream()
                .map(TimedStage::nameOf).toList();
    }
}
