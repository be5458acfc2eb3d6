package io.newswatch.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import io.newswatch.ingest.hostile.ZipBombs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractCommandTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aGzipPageGivesOneJsonLineAndAMissingFileAnErrorLineAndExitCodeOne() throws Exception {
        String gz = resource("/pages/chrome-heavy.html.gz");
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("extract", gz, "/no/such/page.html");

        String[] lines = out.toString().split("\n");
        assertEquals(2, lines.length, out.toString());
        JsonNode page = json.readTree(lines[0]);
        assertEquals(gz, page.get("file").asText());
        assertEquals("Border talks resume in Tbilisi", page.get("title").asText());
        assertEquals("Nino Beridze", page.get("authors").get(0).asText());
        assertEquals("2024-03-05T05:30:00Z", page.get("publishedAt").asText());
        assertEquals("en", page.get("language").asText());
        assertEquals("https://caucasus-daily.example/news/border-talks-resume?utm_source=rss", page.get("url").asText());
        assertTrue(page.get("text").asText().startsWith("Negotiators from Armenia"));
        JsonNode missing = json.readTree(lines[1]);
        assertEquals("/no/such/page.html", missing.get("file").asText());
        assertTrue(missing.has("error"));
        assertEquals(1, exit);
    }

    @Test
    void theUrlOptionIsEchoed() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("extract", "--url", "https://x.example/p", resource("/pages/chrome-heavy.html"));

        assertEquals(0, exit);
        assertEquals("https://x.example/p", json.readTree(out.toString()).get("url").asText());
    }

    @Test
    void aZipBombGivesAnErrorLineSayingWhyAndExitCodeOne(@TempDir Path dir) throws Exception {
        Path bomb = ZipBombs.write(dir.resolve("bomb.html.gz"));
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("extract", bomb.toString());

        assertEquals(1, exit);
        String error = json.readTree(out.toString()).get("error").asText();
        assertTrue(error.contains("larger than 64 MB once decompressed"), error);
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(ExtractCommandTest.class.getResource(name).toURI()).toString();
    }
}
