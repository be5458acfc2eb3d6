package io.newswatch.ingest.extract;

import io.newswatch.events.LeadImage;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the image a page leads with: the one it declares for sharing (Open Graph, Twitter card), with the
 * caption of the figure that shows it; else the first figure of the article.
 */
final class LeadImages {
    private static final String DECLARED = "meta[property=og:image][content], meta[property=og:image:url][content],"
            + " meta[name=twitter:image][content], meta[property=twitter:image][content]";

    private LeadImages() {}

    /** The lead image, before any cleaning of the page. */
    static Optional<LeadImage> find(Document doc) {
        Optional<String> declared = Optional.ofNullable(doc.selectFirst(DECLARED)).map(e -> e.absUrl("content"))
                .filter(u -> !u.isBlank());
        Optional<Element> figure = declared.flatMap(url -> figureShowing(doc, url)).or(() -> firstFigure(doc));
        Optional<String> url = declared.or(() -> figure.map(LeadImages::imageUrl).filter(u -> !u.isBlank()));
        return url.map(u -> new LeadImage(u, figure.map(LeadImages::caption)
                .orElseGet(() -> metaContent(doc, "meta[property=og:image:alt][content]"))));
    }

    private static Optional<Element> figureShowing(Document doc, String url) {
        String file = fileName(url);
        return doc.select("figure:has(img)").stream()
                .filter(f -> !file.isEmpty() && fileName(imageUrl(f)).equals(file)).findFirst();
    }

    private static Optional<Element> firstFigure(Document doc) {
        Element scope = Optional.ofNullable(doc.selectFirst("article")).or(() -> Optional.ofNullable(
                doc.selectFirst("main"))).orElse(doc.body());
        return scope == null ? Optional.empty() : Optional.ofNullable(scope.selectFirst("figure:has(img)"));
    }

    private static String imageUrl(Element figure) {
        Element img = figure.selectFirst("img");
        return img == null ? "" : img.absUrl(img.hasAttr("src") ? "src" : "data-src");
    }

    private static String caption(Element figure) {
        Element caption = figure.selectFirst("figcaption");
        if (caption != null && !caption.text().isBlank()) return caption.text();
        Element img = figure.selectFirst("img");
        return img == null ? null : img.attr("alt");
    }

    private static String metaContent(Document doc, String selector) {
        Element meta = doc.selectFirst(selector);
        return meta == null ? null : meta.attr("content");
    }

    /** The last path segment without query: the same image is often served in several sizes and hosts. */
    private static String fileName(String url) {
        String path = url.replaceAll("[?#].*$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
