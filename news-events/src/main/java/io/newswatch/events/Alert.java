package io.newswatch.events;

import java.time.Instant;

/**
 * A rule matched an article. Published to {@code news.alerts}; its id is derived from
 * (rule id, article id), so a replayed or re-enriched article never raises a second alert.
 * A spike rule's alert carries {@link #spike()}; its article is the one that tipped the count over,
 * its title says what spiked, and its id is derived from (rule id, window), so it fires once per window.
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
 * @param spike         what spiked, for a spike rule's alert; null for a query rule's
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
        Instant matchedAt,
        SpikeFigures spike) {

    /** 2 added {@code spike}. */
    public static final int SCHEMA_VERSION = 2;

    public Alert {
        schemaVersion = Require.schemaVersion(schemaVersion);
        Require.text(id, "Alert.id");
        Require.text(ruleId, "Alert.ruleId");
        Require.text(articleId, "Alert.articleId");
        Require.present(matchedAt, "Alert.matchedAt");
    }

    /** A query rule's alert (the shape of version 1). */
    public Alert(int schemaVersion, String id, String ruleId, String ruleName, String articleId, String url,
                 String title, String source, Instant publishedAt, Instant matchedAt) {
        this(schemaVersion, id, ruleId, ruleName, articleId, url, title, source, publishedAt, matchedAt, null);
    }

    /** {@link AlertRule#SPIKE} for a spike rule's alert, {@link AlertRule#QUERY} otherwise. */
    public String kind() {
        return spike == null ? AlertRule.QUERY : AlertRule.SPIKE;
    }

    /**
     * The figures of a spike.
     *
     * @param target      the counted key, {@code entity:Q1234} or {@code topic:conflict}
     * @param targetName  the entity's name or the topic, for people
     * @param windowStart start of the window counted (inclusive)
     * @param windowEnd   end of the window counted (exclusive)
     * @param count       distinct articles mentioning the target in the window
     * @param baseline    the usual count per window over the rule's baseline period
     * @param ratio       {@code count / max(baseline, 1)}
     */
    public record SpikeFigures(String target, String targetName, Instant windowStart, Instant windowEnd, long count,
                               double baseline, double ratio) {
        public SpikeFigures {
            Require.text(target, "SpikeFigures.target");
            Require.present(windowStart, "SpikeFigures.windowStart");
            Require.present(windowEnd, "SpikeFigures.windowEnd");
        }
    }

    /** The alert id for a rule and an article: the same pair always gives the same id. */
    public static String idFor(String ruleId, String articleId) {
        return ArticleId.hash(Require.text(ruleId, "ruleId"), Require.text(articleId, "articleId"));
    }
}
