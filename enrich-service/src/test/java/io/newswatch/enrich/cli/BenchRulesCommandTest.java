package io.newswatch.enrich.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRulesCommandTest {

    @Test
    void printsArticlesPerSecondAndTimePerArticle(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("ground-truth.json");
        Files.writeString(corpus, """
                {"a": {"url": "https://www.azatutyun.am/a/1.html",
                       "articleBody": "Armenian Prime Minister Nikol Pashinyan said the peace treaty is ready."},
                 "b": {"url": "https://civil.ge/b",
                       "articleBody": "Georgian wine exports to China grew by a third, the ministry said."}}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.execute(new String[] {"bench-rules", "--rules", "300", "--rounds", "1",
            "--corpus", corpus.toString()}, new ByteArrayInputStream(new byte[0]), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("rules: 300 generated, 0 invalid"), printed);
        assertTrue(printed.matches("(?s).*thread CPU time \\(one core\\): \\d+ articles/s; per article p50 .* ms, "
                + "p99 .* ms.*"), printed);
    }
}
