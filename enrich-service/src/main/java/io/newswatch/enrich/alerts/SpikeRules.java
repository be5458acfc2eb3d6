package io.newswatch.enrich.alerts;

import io.newswatch.events.AlertRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The enabled spike rules, looked up by the key they count ({@code entity:Q1234},
 * {@code topic:conflict}). The global rule store changes them while stream tasks read them (other
 * threads): a change applies to the next mention counted. Thread-safe.
 */
public final class SpikeRules {
    private final Map<String, AlertRule> enabled = new ConcurrentHashMap<>();
    /** Rebuilt on every change (rare), so lookups (per mention) are one map read. */
    private volatile Map<String, List<AlertRule>> byKey = Map.of();

    /** Adds or replaces {@code rule} (a spike rule); a disabled rule is removed. */
    public void put(AlertRule rule) {
        if (rule.spike() == null) throw new IllegalArgumentException("rule " + rule.id() + " is not a spike rule");
        if (rule.enabled()) {
            enabled.put(rule.id(), rule);
        } else {
            enabled.remove(rule.id());
        }
        reindex();
    }

    /** Removes the rule {@code id} if it is here. */
    public void remove(String id) {
        if (enabled.remove(id) != null) reindex();
    }

    /** The enabled rules counting {@code key}, possibly none. */
    public List<AlertRule> counting(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** How many enabled spike rules there are. */
    public int size() {
        return enabled.size();
    }

    private synchronized void reindex() {
        Map<String, List<AlertRule>> index = new HashMap<>();
        enabled.values().forEach(r -> index.computeIfAbsent(r.spike().key(), k -> new ArrayList<>()).add(r));
        index.replaceAll((k, rules) -> List.copyOf(rules));
        byKey = Map.copyOf(index);
    }
}
