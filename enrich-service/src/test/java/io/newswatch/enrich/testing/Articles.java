package io.newswatch.enrich.testing;

import io.newswatch.events.RawArticle;
import java.time.Instant;
import java.util.List;

/** Raw articles for tests. */
public final class Articles {
    public static final Instant SEEN = Instant.parse("2026-11-20T08:00:00Z");

    private Articles() {}

    /** An article at {@code url} with this title and body, no declared language. */
    public static RawArticle raw(String url, String title, String text) {
        return RawArticle.of(url, url, "azatutyun.am", title, List.of("Staff"), SEEN, null, SEEN, null, text);
    }

    /** A typical English article about Pashinyan. */
    public static RawArticle pashinyanArticle(String url) {
        return raw(url, "Pashinyan says the peace treaty is ready",
                "Armenian Prime Minister Nikol Pashinyan told reporters in Yerevan that the text of the peace "
                        + "treaty with Azerbaijan is ready and could be signed by the end of the year.");
    }
}
