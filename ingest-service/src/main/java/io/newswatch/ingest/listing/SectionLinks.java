package io.newswatch.ingest.listing;

import io.newswatch.ingest.feed.FeedItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The article links of a section or listing page: absolute http(s) links whose URL matches a pattern. */
final class SectionLinks {
    private SectionLinks() {}

    /** Links of {@code page} whose absolute URL (fragment removed) contains a match of {@code pattern}, in page order. */
    static List<FeedItem> matching(Document page, Pattern pattern) {
        Set<String> seen = new LinkedHashSet<>();
        List<FeedItem> items = new ArrayList<>();
        for (Element a : page.select("a[href]")) {
            String url = withoutFragment(a.absUrl("href"));
            if (!url.matches("(?i)^https?://.*") || !pattern.matcher(url).find() || !seen.add(url)) continue;
            items.add(new FeedItem(url, null, a.text(), null));
        }
        return items;
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
