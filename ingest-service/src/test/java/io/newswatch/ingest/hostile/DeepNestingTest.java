package io.newswatch.ingest.hostile;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.ExtractedArticle;
import io.newswatch.ingest.feed.FeedParser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages nested 100,000 levels deep: extracted within a bound, without a stack overflow. (Jsoup
 * caps the tree at 512 levels; before the extractor stopped using selectors per element, such a
 * page took minutes.)
 */
class DeepNestingTest {
    private static final int LEVELS = 100_000;
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String PARAGRAPH = "<p>The ministry said the talks would continue next week in the capital.</p>";

    private final ArticleExtractor extractor = new ArticleExtractor();

    @ParameterizedTest
    @ValueSource(strings = {"div", "span", "blockquote"})
    void deeplyNestedMarkupIsExtractedWithinTheBound(String tag) {
        String html = "<html><body>" + PARAGRAPH + ("<" + tag + ">").repeat(LEVELS) + PARAGRAPH
                + "deep text" + ("</" + tag + ">").repeat(LEVELS) + PARAGRAPH + "</body></html>";

        ExtractedArticle article = assertTimeoutPreemptively(BOUND, () -> extractor.extract(html, "https://x.example/a"));

        Invariants.assertCleanText(article.text(), html);
        assertTrue(article.text().contains("talks would continue"), article.text());
    }

    @Test
    void unclosedNestingIsExtractedWithinTheBound() {
        String html = "<html><body>" + "<div><p>level text".repeat(LEVELS);

        ExtractedArticle article = assertTimeoutPreemptively(BOUND, () -> extractor.extract(html, null));

        Invariants.assertCleanText(article.text(), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {"item", "channel", "x"})
    void deeplyNestedFeedsAreParsedWithinTheBound(String tag) {
        String xml = "<rss><channel>" + ("<" + tag + ">").repeat(LEVELS) + "<link>https://a.example/1</link>"
                + ("</" + tag + ">").repeat(LEVELS) + "</channel></rss>";

        assertTimeoutPreemptively(BOUND, () -> FeedParser.parse(xml, "https://a.example/feed"));
    }
}
