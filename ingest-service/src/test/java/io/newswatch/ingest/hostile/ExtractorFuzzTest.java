package io.newswatch.ingest.hostile;

import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.ExtractedArticle;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The extractor on hostile HTML: random tag soup and mutated real pages. Whatever the page, no
 * exception escapes {@link ArticleExtractor#extract(String, String)}, it answers within
 * {@link Bounded#PER_TRY}, and the text is clean (see {@link Invariants}). Tries per property:
 * junit-platform.properties (jqwik.tries.default); more with -Djqwik.tries.default=5000.
 */
class ExtractorFuzzTest {
    private static final List<String> PAGES = Mutations.realPages(60);
    private static final List<String> TAGS = List.of("p", "div", "span", "a", "h1", "h2", "li", "ul", "table", "tr",
            "td", "article", "main", "section", "aside", "nav", "footer", "header", "figure", "figcaption", "blockquote",
            "pre", "br", "img", "script", "style", "noscript", "template", "iframe", "svg", "math", "form", "select",
            "option", "textarea", "title", "body", "html", "head", "frameset", "x-custom", "o:p", "b", "i", "font");
    private static final List<String> CLASSES = List.of("article-body", "content", "sidebar", "comments", "share",
            "related", "widget", "post", "story", "ad", "see-also", "byline", "author", "");

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Property
    void randomTagSoupIsExtractedCleanly(@ForAll("tagSoup") String html) throws Exception {
        ExtractedArticle article = Bounded.call(() -> extractor.extract(html, "https://news.example/a/1"));
        Invariants.assertCleanText(article.text(), html);
    }

    @Property
    void mutatedRealPagesAreExtractedCleanly(@ForAll("pageIndex") int page,
                                             @ForAll("edits") List<Mutations.Mutation> edits) throws Exception {
        String html = Mutations.apply(PAGES.get(page), edits);
        ExtractedArticle article = Bounded.call(() -> extractor.extract(html, "https://news.example/a/1"));
        Invariants.assertCleanText(article.text(), html);
    }

    @Provide
    Arbitrary<Integer> pageIndex() {
        return Arbitraries.integers().between(0, PAGES.size() - 1);
    }

    @Provide
    Arbitrary<List<Mutations.Mutation>> edits() {
        return Mutations.mutations();
    }

    /** Random sequences of open and close tags, attributes, text, entities and hostile fragments. */
    @Provide
    Arbitrary<String> tagSoup() {
        Arbitrary<String> open = Arbitraries.of(TAGS).flatMap(tag -> Arbitraries.of(CLASSES)
                .map(c -> "<" + tag + (c.isEmpty() ? "" : " class=\"" + c + "\"") + ">"));
        Arbitrary<String> close = Arbitraries.of(TAGS).map(tag -> "</" + tag + ">");
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars("\t\n\r\u00a0\u2028\u200b\u3000")
                .ofMaxLength(300);
        Arbitrary<String> prose = Arbitraries.of("The minister said on Tuesday that the talks, which began in March,"
                + " would continue next week. ", "Officials from both sides met in the capital. ");
        Arbitrary<String> nesting = Arbitraries.of(TAGS).flatMap(tag -> Arbitraries.integers().between(10, 600)
                .map(n -> ("<" + tag + ">").repeat(n)));
        Arbitrary<String> token = Arbitraries.frequencyOf(Tuple.of(6, open), Tuple.of(4, close), Tuple.of(4, text),
                Tuple.of(4, prose), Tuple.of(3, Mutations.fragments()), Tuple.of(1, nesting));
        return token.list().ofMaxSize(200).map(tokens -> String.join("", tokens));
    }
}
