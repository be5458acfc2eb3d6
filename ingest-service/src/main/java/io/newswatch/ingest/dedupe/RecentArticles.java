package io.newswatch.ingest.dedupe;

import io.newswatch.events.RawArticle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The articles published most recently, by id, so a syndicated copy found later can be recorded on the
 * article itself (republished with its other URLs). Copies of one story usually appear within hours, so a
 * bounded, in-memory window is enough; after a restart copies of older articles are only recorded in the
 * state files.
 */
public final class RecentArticles {
    private final Map<String, RawArticle> byId;

    /** A window of at most {@code capacity} articles; the least recently published leave first. */
    public RecentArticles(int capacity) {
        this.byId = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RawArticle> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void add(RawArticle article) {
        byId.put(article.id(), article);
    }

    public synchronized Optional<RawArticle> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
