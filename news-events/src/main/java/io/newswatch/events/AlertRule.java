package io.newswatch.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A rule kept in the compacted topic {@code news.alert-rules}, keyed by id; a tombstone deletes
 * it. Two kinds: a <em>query rule</em> (the default) raises an {@link Alert} for every new
 * article its query matches; a <em>spike rule</em> ({@link #spike()} set, {@link #query()}
 * null) raises one when mentions of an entity or topic in a time window rise well above their
 * usual level. Version 1 had query rules only; it reads unchanged.
 *
 * @param schemaVersion version of this shape (2 added {@code spike})
 * @param id            stable id
 * @param name          what the team calls it
 * @param query         Lucene / Elasticsearch query-string syntax; required unless {@code spike} is set
 * @param webhook       URL to POST alerts to, or null
 * @param enabled       a disabled rule is kept but does not match
 * @param createdAt     when it was created
 * @param updatedAt     when it was last changed
 * @param spike         the condition of a spike rule, or null for a query rule
 */
public record AlertRule(
        int schemaVersion,
        String id,
        String name,
        String query,
        String webhook,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt,
        SpikeCondition spike) {

    public static final int SCHEMA_VERSION = 2;
    /** {@link #kind()} of a rule with a query. */
    public static final String QUERY = "query";
    /** {@link #kind()} of a rule with a {@link SpikeCondition}. */
    public static final String SPIKE = "spike";

    public AlertRule {
        schemaVersion = Require.schemaVersion(schemaVersion);
        Require.text(id, "AlertRule.id");
        Require.text(name, "AlertRule.name");
        if (spike == null) Require.text(query, "AlertRule.query");
        Require.present(createdAt, "AlertRule.createdAt");
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }

    /** A query rule (the shape of version 1). */
    public AlertRule(int schemaVersion, String id, String name, String query, String webhook, boolean enabled,
                     Instant createdAt, Instant updatedAt) {
        this(schemaVersion, id, name, query, webhook, enabled, createdAt, updatedAt, null);
    }

    /** {@code "spike"} for a spike rule, {@code "query"} for a query rule. */
    public String kind() {
        return spike == null ? QUERY : SPIKE;
    }

    /**
     * When a spike rule fires: in the last {@code window} the target was mentioned (by distinct
     * articles) at least {@code minCount} times and at least {@code factor} times its baseline,
     * the average count per window over the {@code baseline} before it (taken as at least one, so
     * a name never mentioned before needs {@code factor} mentions).
     *
     * @param targetKind {@code entity} (a knowledge-base id, as in {@code EntityMention.canonicalId}) or {@code topic}
     * @param target     the entity id or topic tag
     * @param window     the window counted, e.g. {@code PT1H}
     * @param factor     how many times the usual level counts as a spike, e.g. 5
     * @param minCount   fewest mentions in the window that may fire (so 1 -> 5 does not)
     * @param baseline   how far back the usual level is averaged, e.g. {@code P7D}
     */
    public record SpikeCondition(
            String targetKind,
            String target,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration window,
            double factor,
            int minCount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration baseline) {
        public static final String ENTITY = "entity";
        public static final String TOPIC = "topic";

        public SpikeCondition {
            targetKind = Require.text(targetKind, "SpikeCondition.targetKind").toLowerCase(Locale.ROOT);
            if (!targetKind.equals(ENTITY) && !targetKind.equals(TOPIC)) {
                throw new IllegalArgumentException("SpikeCondition.targetKind must be 'entity' or 'topic', was '"
                        + targetKind + "'");
            }
            Require.text(target, "SpikeCondition.target");
            positive(window, "SpikeCondition.window");
            positive(baseline, "SpikeCondition.baseline");
            if (baseline.compareTo(window) <= 0) {
                throw new IllegalArgumentException("SpikeCondition.baseline must be longer than the window");
            }
            if (!(factor > 1)) throw new IllegalArgumentException("SpikeCondition.factor must be above 1, was " + factor);
            if (minCount < 1) throw new IllegalArgumentException("SpikeCondition.minCount must be at least 1");
        }

        /** The counted key: {@code entity:Q1234} or {@code topic:conflict}. */
        public String key() {
            return targetKind + ":" + target;
        }

        private static void positive(Duration value, String field) {
            Require.present(value, field);
            if (value.isNegative() || value.isZero()) throw new IllegalArgumentException(field + " must be positive");
        }
    }
}
