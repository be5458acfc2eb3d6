package io.newswatch.ingest.feed;

import io.newswatch.ingest.extract.Timestamps;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads the article links of RSS 0.9x/1.0/2.0 and Atom feeds: RSS {@code item} with
 * {@code link}, {@code guid} and {@code pubDate}/{@code dc:date}; Atom {@code entry} with
 * {@code link rel=alternate}, {@code published}/{@code updated}. Entries without a usable link are
 * skipped; a link seen twice is listed once.
 */
public final class FeedParser {
    private FeedParser() {}

    /** The entries of the feed {@code xml}, fetched from {@code feedUrl} (resolves relative links). */
    public static List<FeedItem> parse(String xml, String feedUrl) {
        return parse(Jsoup.parse(xml, feedUrl, Parser.xmlParser()), feedUrl);
    }

    /** The entries of a feed already parsed with Jsoup's XML parser. */
    public static List<FeedItem> parse(Document feed, String feedUrl) {
        List<FeedItem> items = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Element item : feed.select("item, entry")) {
            FeedItem parsed = item.normalName().equals("entry") ? atomEntry(item, feedUrl) : rssItem(item, feedUrl);
            if (parsed != null && seen.add(parsed.url())) items.add(parsed);
        }
        return items;
    }

    private static FeedItem rssItem(Element item, String feedUrl) {
        String guid = childText(item, "guid");
        Element guidElement = child(item, e -> named(e, "guid"));
        boolean guidIsLink = guidElement != null && !"false".equalsIgnoreCase(guidElement.attr("isPermaLink"));
        String link = childText(item, "link");
        if (link == null) {
            Element atomLink = child(item, e -> (named(e, "atom:link") || named(e, "link")) && e.hasAttr("href"));
            link = atomLink == null ? null : atomLink.attr("href");
        }
        if (link == null && guidIsLink) link = guid;
        Instant published = date(item, "pubDate", "dc:date", "published", "updated");
        return item(feedUrl, link, guid, childText(item, "title"), published);
    }

    private static FeedItem atomEntry(Element entry, String feedUrl) {
        Element link = child(entry, e -> isLink(e) && e.attr("rel").equalsIgnoreCase("alternate"));
        if (link == null) link = child(entry, e -> isLink(e) && !e.hasAttr("rel"));
        Instant published = date(entry, "published", "updated", "issued", "modified");
        return item(base(entry, feedUrl), link == null ? null : link.attr("href"), childText(entry, "id"),
                childText(entry, "title"), published);
    }

    private static FeedItem item(String base, String link, String guid, String title, Instant published) {
        String url = absolute(base, link);
        return url == null ? null : new FeedItem(url, guid, title == null ? "" : title, published);
    }

    private static Instant date(Element item, String... names) {
        for (String name : names) {
            Instant parsed = Timestamps.parse(childText(item, name)).orElse(null);
            if (parsed != null) return parsed;
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element child = child(parent, e -> named(e, name));
        if (child == null) return null;
        String text = child.text().strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * The first child matching; a scan of the children, not a "> name" selector, which visits every
     * descendant (quadratic when items nest deep).
     */
    private static Element child(Element parent, Predicate<Element> matches) {
        for (Element c : parent.children()) {
            if (matches.test(c)) return c;
        }
        return null;
    }

    /** Tag names match case-insensitively, as in selectors ("pubDate"). */
    private static boolean named(Element e, String name) {
        return e.normalName().equalsIgnoreCase(name);
    }

    private static boolean isLink(Element e) {
        return named(e, "link") && e.hasAttr("href");
    }

    /** The xml:base of an Atom entry (or its feed), resolved against the feed URL. */
    private static String base(Element entry, String feedUrl) {
        String resolved = feedUrl;
        Element feed = entry.parent();
        if (feed != null && feed.hasAttr("xml:base")) resolved = absolute(resolved, feed.attr("xml:base"));
        if (resolved != null && entry.hasAttr("xml:base")) resolved = absolute(resolved, entry.attr("xml:base"));
        return resolved == null ? feedUrl : resolved;
    }

    private static String absolute(String base, String link) {
        if (link == null || link.isBlank()) return null;
        try {
            URI uri = base == null || base.isBlank() ? URI.create(link.strip())
                    : URI.create(base).resolve(link.strip().replace(" ", "%20"));
            String scheme = uri.getScheme();
            return scheme != null && scheme.matches("(?i)https?") && uri.getHost() != null ? uri.toString() : null;
        } catch (IllegalArgumentException e) {
            return null; // not a URL: the entry is skipped
        }
    }
}
