package io.newswatch.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void bodyHoldsTheParagraphsAndNoneOfThePageChrome() throws IOException {
        String text = extractor.extract(page("chrome-heavy.html"), "https://caucasus-daily.example/x").text();

        List<String> lines = List.of(text.split("\n"));
        assertEquals("Negotiators from Armenia and Azerbaijan met in Tbilisi on Tuesday to resume talks on border"
                + " demarcation, the first meeting in four months, officials from both sides said.", lines.get(0));
        assertTrue(lines.contains("What comes next"), text);
        assertTrue(lines.contains("We see real progress on the principles, but the details will take time."), text);
        assertTrue(text.endsWith("no date for the next meeting."), text);
        for (String chrome : List.of("Politics", "cookies", "Share on", "Photo:", "SEE ALSO", "Earlier round",
                "Read more", "Armenia\nAzerbaijan", "comments", "great news", "Most read", "briefing",
                "All rights reserved", "By Nino")) {
            assertFalse(text.contains(chrome), () -> "'" + chrome + "' leaked into:\n" + text);
        }
    }

    @Test
    void jsonLdGivesDatesAuthorsAndHeadline() throws IOException {
        ExtractedArticle article = extractor.extract(page("chrome-heavy.html"), null);

        assertEquals("Border talks resume in Tbilisi", article.title());
        assertEquals(List.of("Nino Beridze", "Armen Sargsyan"), article.authors());
        assertEquals(Instant.parse("2024-03-05T05:30:00Z"), article.publishedAt());
        assertEquals(Instant.parse("2024-03-05T07:00:00Z"), article.modifiedAt());
        assertEquals("en", article.language());
        assertEquals("https://caucasus-daily.example/news/border-talks-resume?utm_source=rss", article.canonicalUrl());
    }

    @Test
    void metaTagsAreTheFallbackWithoutJsonLd() {
        String html = """
                <html><head>
                <title>Parliament passes budget - Example News</title>
                <meta property="og:title" content="Parliament passes budget">
                <meta property="og:url" content="/politics/budget">
                <meta property="og:locale" content="hy_AM">
                <meta property="article:published_time" content="2024-01-10T08:00:00Z">
                <meta property="article:modified_time" content="2024-01-10 09:15:00">
                <meta name="author" content="By Ani Hakobyan">
                </head><body><article><p>%s</p></article></body></html>
                """.formatted("The parliament passed next year's budget on Wednesday, after a long debate. ".repeat(3));

        ExtractedArticle article = extractor.extract(html, "https://news.example/politics/budget?x=1");

        assertEquals("Parliament passes budget", article.title());
        assertEquals(Instant.parse("2024-01-10T08:00:00Z"), article.publishedAt());
        assertEquals(Instant.parse("2024-01-10T09:15:00Z"), article.modifiedAt());
        assertEquals(List.of("Ani Hakobyan"), article.authors());
        assertEquals("https://news.example/politics/budget", article.canonicalUrl());
        assertEquals("hy", article.language());
        assertTrue(article.text().startsWith("The parliament passed"));
    }

    @Test
    void titleElementLosesItsSiteSuffixAndTimeElementGivesTheDate() {
        String html = """
                <html><head><title>Ceasefire holds along the line | Region Watch</title>
                <meta http-equiv="content-language" content="ru-RU"></head>
                <body><div class="post"><time datetime="2023-09-20T14:00:00+03:00">20 September</time>
                <a rel="author" href="/staff/ivanov">Pavel Ivanov</a>
                <p>%s</p></div></body></html>
                """.formatted("The ceasefire agreed last week held overnight, local officials said, with no reports. "
                .repeat(3));

        ExtractedArticle article = extractor.extract(html, null);

        assertEquals("Ceasefire holds along the line", article.title());
        assertEquals(Instant.parse("2023-09-20T11:00:00Z"), article.publishedAt());
        assertEquals(List.of("Pavel Ivanov"), article.authors());
        assertEquals("ru", article.language());
        assertNull(article.modifiedAt());
    }

    @Test
    void aPageWithoutArticleTextGivesEmptyText() {
        ExtractedArticle article = extractor.extract(
                "<html><body><nav><a href='/a'>Home</a><a href='/b'>News</a></nav></body></html>", null);

        assertTrue(article.hasNoText());
    }

    @Test
    void extractingAParsedPageLeavesItUnchanged() throws IOException {
        var doc = org.jsoup.Jsoup.parse(page("chrome-heavy.html"));
        String before = doc.outerHtml();

        extractor.extract(doc);

        assertEquals(before, doc.outerHtml());
    }

    static String page(String name) throws IOException {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/pages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
