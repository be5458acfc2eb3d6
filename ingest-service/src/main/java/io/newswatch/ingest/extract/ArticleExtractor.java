package io.newswatch.ingest.extract;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts the article from a news page: headline, bylines, dates, canonical URL, language and
 * the lead image with its caption, and the body text without navigation, captions, "see also" boxes, comments or footers.
 *
 * <p>A pure library: no I/O, no logging, no site-specific rules. Instances are stateless and
 * safe to share between threads.
 */
public final class ArticleExtractor {
    /** Shorter body texts are more likely a cleaning mistake than a real article. */
    private static final int MIN_PLAUSIBLE_CHARS = 500;

    /** Extracts the article from {@code html}; {@code url} resolves relative links and may be null. */
    public ExtractedArticle extract(String html, String url) {
        return extractInPlace(HtmlParsing.parse(html, url == null ? "" : url));
    }

    /** Extracts the article from a parsed page, which is left unchanged. */
    public ExtractedArticle extract(Document page) {
        return extractInPlace(page.clone());
    }

    private static ExtractedArticle extractInPlace(Document doc) {
        Metadata meta = new Metadata(doc);
        String title = meta.title();
        List<String> authors = meta.authors();
        var published = meta.publishedAt();
        var modified = meta.modifiedAt();
        String canonical = meta.canonicalUrl().orElse(null);
        String language = meta.language().orElse(null);
        var leadImage = LeadImages.find(doc).orElse(null);
        String body = body(doc, meta.articleBody().orElse(null));
        return new ExtractedArticle(title, authors, published, modified, canonical, language, body, leadImage);
    }

    /**
     * The body text. Class names sometimes mark the article's own container as chrome (a layout
     * "with-sidebar" class, a blog "widget"); when strict cleaning leaves too little text, the
     * page is read again trusting only tags and roles, and the longer text wins. The result is
     * then weighed against the page's dense prose and its declared body ({@link BodyChoice}).
     */
    private static String body(Document doc, String articleBody) {
        Element body = doc.body();
        if (body == null) return "";
        Element cleaned = body.clone();
        Boilerplate.strip(cleaned, true);
        String found = Paragraphs.of(ContentFinder.find(cleaned));
        if (found.length() < MIN_PLAUSIBLE_CHARS) {
            Boilerplate.strip(body, false);
            String lenient = Paragraphs.of(ContentFinder.find(body));
            if (lenient.length() > found.length()) found = lenient;
        }
        return BodyChoice.choose(found, DenseText.of(cleaned), articleBody);
    }
}
