package io.newswatch.events;

import java.time.Instant;

/**
 * A rule matched an article. Published to {@code news.alerts}; its id is derived from
 * (rule id, article id), so a replayed or re-enriched article never raises a second alert.
 *
 * @param schemaVersion version of this shape
 * @param id            {@link #idFor(String, String)} of the rule and article
 * @param ruleId        the rule that matched
 * @param ruleName      its name when it matched
 * @param articleId     the article it matched
 * @param url           the article's URL
 * @param title         the article's title
 * @param source        the article's source
 * @param publishedAt   the article's publication time, or null
 * @param matchedAt     when the match happened
 */
public record Alert(
        int schemaVersion,
        String id,
        String ruleId,
        String ruleName,
        String articleId,
        String url,
        String title,
        String source,
        Instant publishedAt,
        Instant matchedAt) {

    public static final int SCHEMA_VERSION = 1;

    public Alert {
        schemaVersion = Require.schemaVersion(schemaVersion);
        Require.text(id, "Alert.id");
        Require.text(ruleId, "Alert.ruleId");
        Require.text(articleId, "Alert.articleId");
        Require.present(matchedAt, "Alert.matchedAt");
    }

    /** The alert id for a rule and an article: the same pair always gives the same id. */
    public static String idFor(String ruleId, String articleId) {
        return ArticleId.hash(Require.text(ruleId, "ruleId"), Require.text(articleId, "articleId"));
    }
}
