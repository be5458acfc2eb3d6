package io.newswatch.ingest.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads what a page says about its article (title, dates, bylines, canonical URL, language). */
final class Metadata {
    private static final List<String> PUBLISHED_META = List.of("article:published_time", "og:published_time",
            "datePublished", "pubdate", "publishdate", "publish-date", "publish_date", "article.published",
            "parsely-pub-date", "sailthru.date", "dcterms.created", "dc.date.issued", "dc.date", "date");
    private static final List<String> MODIFIED_META = List.of("article:modified_time", "og:updated_time",
            "dateModified", "lastmod", "last-modified", "dcterms.modified", "article.updated");
    private static final List<String> AUTHOR_META = List.of("author", "article:author", "parsely-author",
            "sailthru.author", "byl", "dc.creator");
    /** Elements that hold a byline, most specific first. */
    private static final List<String> AUTHOR_ELEMENTS = List.of("a[rel=author]",
            "[itemprop=author] [itemprop=name]", "[itemprop=author]");
    private static final int MAX_NAME_CHARS = 60;
    private static final Pattern BY_PREFIX = Pattern.compile("(?i)^\\s*by\\s+");
    private static final Pattern PRIMARY_LANGUAGE = Pattern.compile("^[A-Za-z]{2,3}(?=$|[-_])");

    private final Document doc;
    private final JsonLd jsonLd;
    /** Meta tags by lower-cased property, name and itemprop: pages have dozens, looked up many times. */
    private final Map<String, List<Element>> metaByKey = new HashMap<>();

    Metadata(Document doc) {
        this.doc = doc;
        this.jsonLd = JsonLd.of(doc);
        for (Element meta : doc.select("meta[content]")) {
            for (String attr : new String[] {"property", "name", "itemprop"}) {
                String key = meta.attr(attr).strip().toLowerCase(Locale.ROOT);
                if (!key.isEmpty()) metaByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(meta);
            }
        }
    }

    /** The article body the page declares in JSON-LD, if any. */
    Optional<String> articleBody() {
        return jsonLd.text("articleBody");
    }

    String title() {
        Optional<String> siteName = meta("og:site_name", "application-name");
        Optional<String> declared = first(() -> meta("og:title", "twitter:title"), () -> jsonLd.text("headline"));
        if (declared.isPresent()) return TitleCleaner.clean(declared.get(), siteName, false);
        Optional<String> h1 = Optional.ofNullable(doc.selectFirst("h1")).map(Element::text).filter(t -> t.length() > 5);
        if (h1.isPresent()) return h1.get();
        return TitleCleaner.clean(doc.title(), siteName, true);
    }

    Instant publishedAt() {
        return instant(jsonLd.text("datePublished"), PUBLISHED_META)
                .or(() -> timeElement("[itemprop=datePublished], [pubdate], time"))
                .orElse(null);
    }

    Instant modifiedAt() {
        return instant(jsonLd.text("dateModified"), MODIFIED_META)
                .or(() -> timeElement("[itemprop=dateModified]"))
                .orElse(null);
    }

    List<String> authors() {
        Set<String> names = new LinkedHashSet<>();
        jsonLd.authors().forEach(name -> names.add(byline(name)));
        if (names.isEmpty()) {
            AUTHOR_META.forEach(key -> metaValues(key).filter(v -> !v.startsWith("http"))
                    .forEach(v -> names.add(byline(v))));
        }
        for (String selector : AUTHOR_ELEMENTS) {
            if (!names.isEmpty()) break;
            doc.select(selector).stream().map(Element::text).filter(t -> !t.isBlank() && t.length() <= MAX_NAME_CHARS)
                    .forEach(t -> names.add(byline(t)));
        }
        names.remove("");
        return List.copyOf(names);
    }

    Optional<String> canonicalUrl() {
        Optional<String> link = Optional.ofNullable(doc.selectFirst("link[rel=canonical][href]"))
                .map(e -> e.absUrl("href"));
        return link.filter(Metadata::isHttp).or(() -> metaElement("og:url").map(e -> e.absUrl("content"))
                .filter(Metadata::isHttp));
    }

    Optional<String> language() {
        Element html = doc.selectFirst("html");
        return first(() -> Optional.ofNullable(html).map(h -> h.attr("lang")).flatMap(Metadata::primaryTag),
                () -> meta("og:locale").flatMap(Metadata::primaryTag),
                () -> Optional.ofNullable(doc.selectFirst("meta[http-equiv~=(?i)content-language]"))
                        .map(e -> e.attr("content")).flatMap(Metadata::primaryTag),
                () -> jsonLd.text("inLanguage").flatMap(Metadata::primaryTag));
    }

    private Optional<Instant> instant(Optional<String> fromJsonLd, List<String> metaKeys) {
        Optional<Instant> parsed = fromJsonLd.flatMap(Timestamps::parse);
        for (int i = 0; parsed.isEmpty() && i < metaKeys.size(); i++) {
            parsed = meta(metaKeys.get(i)).flatMap(Timestamps::parse);
        }
        return parsed;
    }

    private Optional<Instant> timeElement(String selector) {
        for (Element e : doc.select(selector)) {
            String value = e.hasAttr("datetime") ? e.attr("datetime") : e.attr("content");
            Optional<Instant> parsed = Timestamps.parse(value);
            if (parsed.isPresent()) return parsed;
        }
        return Optional.empty();
    }

    /** The content of the first meta tag whose property, name or itemprop is one of {@code keys}. */
    private Optional<String> meta(String... keys) {
        for (String key : keys) {
            Optional<String> value = metaValues(key).findFirst();
            if (value.isPresent()) return value;
        }
        return Optional.empty();
    }

    private Stream<String> metaValues(String key) {
        return metaElements(key).map(e -> e.attr("content").strip()).filter(v -> !v.isEmpty());
    }

    private Optional<Element> metaElement(String key) {
        return metaElements(key).filter(e -> !e.attr("content").isBlank()).findFirst();
    }

    private Stream<Element> metaElements(String key) {
        return metaByKey.getOrDefault(key.toLowerCase(Locale.ROOT), List.of()).stream().distinct();
    }

    private static String byline(String text) {
        return BY_PREFIX.matcher(text.strip()).replaceFirst("").strip();
    }

    private static boolean isHttp(String url) {
        return url.startsWith("http://") || url.startsWith("https://");
    }

    static Optional<String> primaryTag(String tag) {
        var m = PRIMARY_LANGUAGE.matcher(tag == null ? "" : tag.strip());
        return m.find() ? Optional.of(m.group().toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    @SafeVarargs
    private static <T> Optional<T> first(Supplier<Optional<T>>... candidates) {
        for (Supplier<Optional<T>> candidate : candidates) {
            Optional<T> value = candidate.get();
            if (value.isPresent()) return value;
        }
        return Optional.empty();
    }
}
