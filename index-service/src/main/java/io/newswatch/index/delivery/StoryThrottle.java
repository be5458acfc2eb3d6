package io.newswatch.index.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * At most one webhook per rule per story within the rule's window. A story is recognised by its
 * headline: syndicated copies ("Armenia, Azerbaijan sign peace treaty - Reuters", "Armenia and
 * Azerbaijan sign peace treaty") share most of their significant words, so two headlines whose
 * word sets overlap by at least {@link #SAME_STORY} (Jaccard) are one story. Kept in memory and
 * claimed again from the delivery log at start; per instance, so with several instances a story
 * whose copies land on different partitions may be delivered once per instance. Thread-safe.
 */
final class StoryThrottle {
    static final double SAME_STORY = 0.5;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "from", "that", "this", "over",
            "after", "into", "says", "said", "are", "was", "has", "have", "its", "not", "new");

    /** A story a rule delivered (or is delivering) an alert about. */
    private record Claim(String alertId, Set<String> words, Instant at) {}

    private final Map<String, List<Claim>> claimsByRule = new HashMap<>();

    /**
     * Claims the story of {@code title} for alert {@code alertId} of rule {@code ruleId}.
     *
     * @return empty when this alert may be sent, else the id of the alert already sent about the story
     */
    synchronized Optional<String> claim(String ruleId, String alertId, String title, Duration window, Instant now) {
        List<Claim> claims = claimsByRule.computeIfAbsent(ruleId, k -> new ArrayList<>());
        claims.removeIf(c -> c.at().plus(window).isBefore(now));
        Set<String> words = words(title);
        for (Claim c : claims) {
            if (c.alertId().equals(alertId)) return Optional.empty(); // a retry of the claiming alert
            if (sameStory(c.words(), words)) return Optional.of(c.alertId());
        }
        claims.add(new Claim(alertId, words, now));
        return Optional.empty();
    }

    /** Gives the story up again (its alert could not be delivered), so the next alert about it may go. */
    synchronized void release(String ruleId, String alertId) {
        List<Claim> claims = claimsByRule.get(ruleId);
        if (claims != null) claims.removeIf(c -> c.alertId().equals(alertId));
    }

    static Set<String> words(String title) {
        if (title == null) return Set.of();
        Matcher m = WORD.matcher(title.toLowerCase(Locale.ROOT));
        return m.results().map(r -> r.group()).filter(w -> !STOP.contains(w)).collect(Collectors.toSet());
    }

    static boolean sameStory(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return false; // no headline: cannot tell, let it through
        long common = a.stream().filter(b::contains).count();
        return common / (double) (a.size() + b.size() - common) >= SAME_STORY;
    }
}
