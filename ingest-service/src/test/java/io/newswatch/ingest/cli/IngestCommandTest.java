package io.newswatch.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import io.newswatch.ingest.IngestServiceTest;
import io.newswatch.ingest.LocalWebServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** {@code ingest URL|FILE...} against a real broker. */
@ExtendWith(EmbeddedInfraExtension.class)
class IngestCommandTest {

    @Test
    void publishesEachInputAndPrintsOneLinePerInputInOrder(EmbeddedKafka kafka) throws Exception {
        String path = "/" + UUID.randomUUID() + "/story";
        try (LocalWebServer web = new LocalWebServer()) {
            web.serve(path, 200, "text/html", IngestServiceTest.article("Talks in Yerevan", "2024-05-01T10:00:00Z",
                    "Officials met in Yerevan on Wednesday to discuss transit routes"));
            String file = Path.of(getClass().getResource("/pages/chrome-heavy.html.gz").toURI()).toString();
            StringWriter out = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out));

            int exit = cli.execute("ingest", "--bootstrap-servers", kafka.bootstrapServers(), "--source", "backfill",
                    web.url(path), file, web.url("/missing"));

            String[] lines = out.toString().split("\n");
            ObjectMapper json = new ObjectMapper();
            JsonNode page = json.readTree(lines[0]);
            JsonNode saved = json.readTree(lines[1]);
            JsonNode missing = json.readTree(lines[2]);
            assertEquals("published", page.get("status").asText());
            assertEquals("published", saved.get("status").asText());
            assertEquals("https://caucasus-daily.example/news/border-talks-resume?utm_source=rss", saved.get("url").asText());
            assertEquals("failed", missing.get("status").asText());
            assertEquals("HTTP 404", missing.get("error").asText());
            assertEquals(1, exit);

            ConsumerRecord<String, RawArticle> record = IngestServiceTest.await(kafka, Topics.RAW, 1,
                    r -> r.key().equals(page.get("id").asText())).get(0);
            assertEquals("Talks in Yerevan", record.value().title());
            assertEquals("backfill", record.value().source());
        }
    }
}
