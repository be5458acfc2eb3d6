package io.newswatch.ingest.extract;

import static io.newswatch.ingest.extract.ArticleExtractorTest.page;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pages whose body the container search alone misses (issue 12): each fixture is a reduced copy
 * of a real layout, and each test checks both that the reader's paragraphs are there and that
 * the chrome around them stays out.
 */
class RecallFallbacksTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    /** A blog post written as bulleted lists under subheadings (reduced from a browser team's weekly notes). */
    @Test
    void anArticleWrittenAsListsIsReadFromItsDenseProse() throws IOException {
        String text = bodyOf("list-article.html");
        List<String> lines = text.lines().toList();
        assertTrue(lines.contains("We have landed Bug 1553, which keeps two editors from publishing the same correction"
                + " twice."), text);
        assertTrue(lines.contains("Amy Churchwell joins the data team today, moving over from the regional desk where"
                + " she covered local councils."), text);
        assertTrue(text.endsWith("thanks to the canonical link check."), text);
        assertTrue(lines.contains("Project updates"), "a subheading before prose belongs to the article:\n" + text);
        assertLeftOut(text, "Home", "Archive", "Recent posts", "Issue 11", "All rights reserved");
    }

    /** The DOM shows only the lead (the rest loads by script); the JSON-LD declares the whole body. */
    @Test
    void theDeclaredArticleBodyReplacesADomTextFarShorterThanIt() throws IOException {
        String text = bodyOf("declared-body.html");
        assertReads(text, "The road through Lachin reopened to civilian traffic on Thursday morning", "\nLocal traders welcomed the decision.", "agreed to a schedule for border crossings.");
        assertLeftOut(text, "Loading", "Politics", "Related", "Border talks resume", "All rights reserved");
    }

    /**
     * A long guide whose sections nest two deep (reduced from a documentation page): the best
     * subsection and its sibling are only half of it; the other sections score nearly as well, and
     * their common ancestor is the article.
     */
    @Test
    void aBodySplitOverNestedSectionsIsReadWhole() throws IOException {
        String text = bodyOf("nested-sections.html");
        List<String> lines = text.lines().toList();

        assertTrue(text.startsWith("This guide shows how draft changes travel between repositories"), text);
        assertTrue(lines.contains("Sharing with several developers"), text);
        assertTrue(text.contains("\nAlice commits a draft fix and pushes it to the review repository"), text);
        assertTrue(text.endsWith("spares everyone a second round of review."), text);
        assertLeftOut(text, "Contents", "Docs home", "FAQ", "Created with");
    }

    /** A German regional paper: its class names and box headings say "ad", "share", "read also" in German. */
    @Test
    void germanChromeWordsAreReadAsChrome() throws IOException {
        String text = bodyOf("german-regional.html");

        assertReads(text, "Ab Montag fährt eine neue Buslinie", "\nDer Gemeinderat von Mittelbach hatte sich seit Jahren", "Nach zwei Jahren soll die Linie geprüft werden.");
        assertLeftOut(text, "Anzeige", "Neuwagen", "Lesen Sie auch", "Bahnhof Oberau", "Facebook", "Mehr zum Thema",
                "Radweg", "Endlich", "Impressum");
    }

    /** A declared body that is only a teaser never replaces the article the page shows. */
    @Test
    void aDeclaredTeaserDoesNotReplaceTheArticle() {
        String paragraph = "<p>Officials from both sides met in Tbilisi on Tuesday and agreed to continue the talks,"
                + " a statement said, and to meet again before the end of the month.</p>";
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":"
                + "\"Officials met in Tbilisi.\"}</script></head><body><article>" + paragraph.repeat(6)
                + "</article></body></html>";
        String text = extractor.extract(html, "https://x.example/a").text();

        assertTrue(text.lines().count() == 6 && text.startsWith("Officials from both sides"), text);
    }

    private String bodyOf(String fixture) throws IOException {
        return extractor.extract(page(fixture), "https://news.example/" + fixture).text();
    }

    /** The body starts, goes on and ends as a reader would expect. */
    static void assertReads(String text, String start, String middle, String end) {
        assertTrue(text.startsWith(start) && text.contains(middle) && text.endsWith(end), text);
    }

    static void assertLeftOut(String text, String... chrome) {
        for (String c : chrome) assertFalse(text.contains(c), () -> "'" + c + "' leaked into:\n" + text);
    }
}
