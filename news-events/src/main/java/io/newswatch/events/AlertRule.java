package io.newswatch.events;

import java.time.Instant;

/**
 * A saved search that raises an {@link Alert} for every new article it matches. Kept in the
 * compacted topic {@code news.alert-rules}, keyed by id; a tombstone deletes it.
 *
 * @param schemaVersion version of this shape
 * @param id            stable id
 * @param name          what the team calls it
 * @param query         Lucene / Elasticsearch query-string syntax
 * @param webhook       URL to POST alerts to, or null
 * @param enabled       a disabled rule is kept but does not match
 * @param createdAt     when it was created
 * @param updatedAt     when it was last changed
 */
public record AlertRule(
        int schemaVersion,
        String id,
        String name,
        String query,
        String webhook,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    public static final int SCHEMA_VERSION = 1;

    public AlertRule {
        schemaVersion = Require.schemaVersion(schemaVersion);
        Require.text(id, "AlertRule.id");
        Require.text(name, "AlertRule.name");
        Require.text(query, "AlertRule.query");
        Require.present(createdAt, "AlertRule.createdAt");
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }
}
