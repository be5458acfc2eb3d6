package io.newswatch.ingest.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.HtmlParsing;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Found by ExtractorFuzzTest (seed -5273419115579288559, shrunk): Jsoup 1.24.1's HTML parser throws
 * IndexOutOfBoundsException reconstructing open formatting elements ({@code <b>}) once a page nests past its depth
 * limit (512). Such a page is read with the XML parser instead: its text is there, and extraction ends without an
 * exception (what it keeps of text nested 600 deep is the extractor's own nesting bound, DeepNestingTest).
 */
class FormattingDepthBugTest {
    private static final String PAGE = "<p class=\"article-body\">" + "<b>".repeat(10) + "</p>" + "<div>".repeat(600)
            + "The talks will continue next week in the capital, officials said.";

    @Test
    void jsoupItselfStillFails() {
        assertThrows(IndexOutOfBoundsException.class, () -> Jsoup.parse(PAGE)); // when this fails, the fallback can go
    }

    @Test
    void everyWayAPageIsParsedCopes() throws Exception {
        assertFalse(HtmlParsing.parse(PAGE, "https://news.example/a").text().isEmpty());
        assertFalse(HtmlParsing.parse(PAGE.getBytes(StandardCharsets.UTF_8), null, "https://news.example/a").text()
                .isEmpty());
        String text = new ArticleExtractor().extract(PAGE, "https://news.example/a").text();
        assertFalse(text.contains("<"), "no markup in the text: " + text);
    }
}
