package io.newswatch.enrich.alerts;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Which fields the registered rules use, so an article's document carries only those. Updated
 * before a rule is registered, so a new rule never meets a document lacking its fields.
 * Thread-safe.
 */
final class RuleFieldsInUse {
    private final Map<String, Set<String>> fieldsByRule = new ConcurrentHashMap<>();
    private volatile Set<String> union = Set.of();

    /** Records the fields of the rule {@code ruleId}'s query (replacing what it used before). */
    void put(String ruleId, Query query) {
        fieldsByRule.put(ruleId, fieldsOf(query));
        refresh();
    }

    /** Records the fields of many rules, then recomputes once. */
    void putAll(Map<String, Query> queries) {
        queries.forEach((id, query) -> fieldsByRule.put(id, fieldsOf(query)));
        refresh();
    }

    /** Forgets the rule {@code ruleId}. */
    void remove(String ruleId) {
        if (fieldsByRule.remove(ruleId) != null) refresh();
    }

    /** The fields some rule uses. */
    Set<String> fields() {
        return union;
    }

    private synchronized void refresh() {
        Set<String> all = new HashSet<>();
        fieldsByRule.values().forEach(all::addAll);
        union = Set.copyOf(all);
    }

    private static Set<String> fieldsOf(Query query) {
        Set<String> fields = new HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return false; // the field is all we need, not the terms
            }
        });
        return Set.copyOf(fields);
    }
}
