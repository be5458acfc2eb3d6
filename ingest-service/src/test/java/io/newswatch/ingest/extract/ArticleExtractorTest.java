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

    /** The seed article as the local-stack sample site renders it (header, share tools, photo, see-also, comments). */
    @Test
    void theSeedArticleInRealisticChromeKeepsItsParagraphsOnly() throws IOException {
        ExtractedArticle article = extractor.extract(page("seed-article-in-chrome.html"), null);
        String text = article.text();

        assertTrue(text.startsWith("BAKU -- Russian President Vladimir Putin said after talks"), text);
        assertTrue(text.contains("Putin arrived in Baku for a two-day official visit on August 18."), text);
        assertFalse(text.contains("SEE ALSO"), text);
        assertFalse(text.contains("A Constitutional Amendment That Could Lead To Peace"), text);
        assertFalse(text.contains("Visiting Russian President Vladimir Putin (left)"), "the caption leaked:\n" + text);
        for (String chrome : List.of("Share on", "Topics:", "Comments (2)", "reader_77", "cookies", "newsletter",
                "Related")) {
            assertFalse(text.contains(chrome), () -> "'" + chrome + "' leaked into:\n" + text);
        }
        assertEquals("Moscow Is Ready To Get Involved In Azerbaijan-Armenia Peace Process, Putin Says", article.title());
        assertEquals(List.of("RFE/RL's Azerbaijani Service"), article.authors());
        assertEquals(Instant.parse("2024-08-19T16:05:00Z"), article.publishedAt());
        assertEquals("en", article.language());
    }

    @Test
    void theLeadImageKeepsTheCaptionTheBodyLeavesOut() throws IOException {
        ExtractedArticle article = extractor.extract(page("seed-article-in-chrome.html"),
                "http://127.0.0.1:8090/articles/putin-baku-peace-process.html");

        assertEquals("http://127.0.0.1:8090/images/putin-aliyev-baku.jpg", article.leadImage().url());
        assertEquals("Visiting Russian President Vladimir Putin (left), Azerbaijani President Ilham Aliyev (right) "
                + "and his wife Mehriban Aliyeva in Baku, August 19.", article.leadImage().caption());
    }

    @Test
    void aDeclaredShareImageIsMatchedToItsFigureByFileName() {
        String html = "<html><head><meta property='og:image' content='https://cdn.x.am/w1200/tank.jpg?v=2'></head>"
                + "<body><article><figure><img src='/img/other.jpg'><figcaption>Unrelated</figcaption></figure>"
                + "<p>Text.</p><figure><img src='https://img.x.am/w640/tank.jpg'><figcaption>A tank near Lachin."
                + "</figcaption></figure></article></body></html>";
        ExtractedArticle article = extractor.extract(html, "https://x.am/a");
        assertEquals("https://cdn.x.am/w1200/tank.jpg?v=2", article.leadImage().url());
        assertEquals("A tank near Lachin.", article.leadImage().caption());
    }

    @Test
    void aPageWithoutImagesHasNoLeadImage() {
        assertNull(extractor.extract("<html><body><p>Only words.</p></body></html>", "https://x.am/a").leadImage());
    }

    @Test
    void aDivOfSpansIsReadAsAParagraph() {
        String html = "<html><body><div class='nav'><a href='/'>Home</a></div><div class='post'>"
                + "<div><span><span>First paragraph of the post, written in an editor that makes divs and spans.</span>"
                + "</span></div><div><span>Second paragraph, with more words, commas, and the end of the story.</span>"
                + "</div></div></body></html>";

        String text = extractor.extract(html, null).text();

        assertTrue(text.startsWith("First paragraph of the post"), text);
        assertTrue(text.endsWith("the end of the story."), text);
    }

    @Test
    void aLongCommentThreadUnderAShortPostIsLeftOut() {
        String comment = "<li class='comment'><p>I disagree with this, and here is a long reason why, at length. </p></li>";
        String html = "<html><body><article><p>A short post: the open thread for September, where readers ask"
                + " questions, and we answer them, as promptly as we can.</p></article><div id='comments'"
                + " class='comments-area'><h3>Comments</h3><ul>" + comment.repeat(40) + "</ul></div></body></html>";

        String text = extractor.extract(html, null).text();

        assertTrue(text.startsWith("A short post"), text);
        assertFalse(text.contains("disagree"), text);
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
