package io.newswatch.index.rules;

import io.newswatch.events.AlertRule.SpikeCondition;
import io.newswatch.support.ConfigException;
import io.newswatch.support.Settings;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code spike} object of a rule request: alert when mentions of an entity or topic in the last
 * {@code window} reach {@code minCount} and {@code factor} times their usual level over the
 * {@code baseline} before. {@link #condition()} checks it; every problem is an
 * {@link InvalidRuleException} naming the field ({@code spike.window}, ...).
 *
 * @param targetKind {@code entity} (a knowledge-base id such as {@code Q7035479} or {@code nw:lachin-corridor}) or {@code topic}
 * @param target     the entity id or topic tag
 * @param window     {@code 5m} to {@code 1d}; default {@code 1h}
 * @param factor     above 1, at most 1000; default 5
 * @param minCount   1 to 100,000; default 5
 * @param baseline   longer than the window, at most {@code 7d}; default {@code 7d}
 */
public record SpikeRequest(String targetKind, String target, String window, Double factor, Integer minCount,
                           String baseline) {
    static final Duration MIN_WINDOW = Duration.ofMinutes(5);
    static final Duration MAX_WINDOW = Duration.ofDays(1);
    /** With the longest window, what enrich-service keeps by default ({@code trending.retention=8d}). */
    static final Duration MAX_BASELINE = Duration.ofDays(7);
    static final int MAX_TARGET_CHARS = 200;
    static final double MAX_FACTOR = 1000;
    static final int MAX_MIN_COUNT = 100_000;

    /** The checked condition, with defaults filled in. */
    public SpikeCondition condition() {
        Duration windowLength = duration("spike.window", window, Duration.ofHours(1), MIN_WINDOW, MAX_WINDOW);
        Duration baselineLength = duration("spike.baseline", baseline, MAX_BASELINE, windowLength.plusMillis(1),
                MAX_BASELINE);
        double checkedFactor = factor == null ? 5 : factor;
        if (!(checkedFactor > 1 && checkedFactor <= MAX_FACTOR)) {
            throw new InvalidRuleException("spike.factor", "spike.factor must be above 1 and at most " + (int) MAX_FACTOR
                    + ", was " + factor);
        }
        int checkedMin = minCount == null ? 5 : minCount;
        if (checkedMin < 1 || checkedMin > MAX_MIN_COUNT) {
            throw new InvalidRuleException("spike.minCount", "spike.minCount must be from 1 to " + MAX_MIN_COUNT
                    + ", was " + minCount);
        }
        return new SpikeCondition(checkedKind(), checkedTarget(), windowLength, checkedFactor, checkedMin, baselineLength);
    }

    private String checkedKind() {
        String kind = targetKind == null ? "" : targetKind.trim().toLowerCase(Locale.ROOT);
        if (kind.equals(SpikeCondition.ENTITY) || kind.equals(SpikeCondition.TOPIC)) return kind;
        throw new InvalidRuleException("spike.targetKind", "spike.targetKind must be 'entity' or 'topic', was '"
                + targetKind + "'");
    }

    private String checkedTarget() {
        String value = target == null ? "" : target.trim();
        if (value.isEmpty() || value.length() > MAX_TARGET_CHARS || value.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidRuleException("spike.target", "spike.target must be an entity id (e.g. Q7035479) or a "
                    + "topic tag, without spaces, at most " + MAX_TARGET_CHARS + " characters, was '" + target + "'");
        }
        return value;
    }

    private static Duration duration(String field, String value, Duration fallback, Duration min, Duration max) {
        if (value == null || value.isBlank()) return fallback;
        try {
            Duration length = Settings.of(Map.of(field, value)).duration(field);
            if (length.compareTo(min) >= 0 && length.compareTo(max) <= 0) return length;
        } catch (ConfigException e) {
            // explained below
        }
        String range = field.equals("spike.window") ? "from 5m to 1d" : "longer than spike.window and at most 7d";
        throw new InvalidRuleException(field, field + " must be a duration " + range + " such as 1h, 30m or P7D, was '"
                + value + "'");
    }
}
