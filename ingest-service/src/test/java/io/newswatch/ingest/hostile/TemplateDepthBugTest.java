package io.newswatch.ingest.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newswatch.ingest.LocalWebServer;
import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.fetch.FetchSettings;
import io.newswatch.ingest.fetch.Fetcher;
import io.newswatch.ingest.fetch.SavedPages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by ExtractorFuzzTest: Jsoup 1.24.1 throws "Bug: no template insertion mode on stack!"
 * when a page nests past its depth limit inside a template. Every way a page is read copes.
 */
class TemplateDepthBugTest {
    private static final String PAGE = "<html><body><p>The talks will continue next week in the capital, officials said.</p>"
            + "<template><noscript>hidden template text" + "<font>".repeat(600) + "<template><html>";

    @Test
    void jsoupItselfStillFails() {
        assertThrows(RuntimeException.class, () -> Jsoup.parse(PAGE)); // when this fails, HtmlParsing can go
    }

    @Test
    void theExtractorReadsThePageWithoutTheTemplate() {
        String text = new ArticleExtractor().extract(PAGE, null).text();

        assertEquals("The talks will continue next week in the capital, officials said.", text);
    }

    @Test
    void savedPagesAndTheFetcherReadThePage(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("page.html"), PAGE);
        try (LocalWebServer web = new LocalWebServer()) {
            web.serve("/deep", 200, "text/html; charset=utf-8", PAGE);
            Fetcher fetcher = new Fetcher(new FetchSettings("newswatch-test/1.0", Duration.ofSeconds(5), 1_000_000));

            assertFalse(SavedPages.read(file, null).select("p").isEmpty());
            assertFalse(fetcher.fetchPage(web.url("/deep"), true).document().select("p").isEmpty());
        }
    }
}
