package io.newswatch.enrich.alerts;

import io.newswatch.events.AlertRule;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.rulequery.InvalidQueryException;
import io.newswatch.rulequery.RuleFields;
import io.newswatch.rulequery.RuleQueries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryMatch;

/**
 * The enabled alert rules, matched against articles with Lucene Monitor. Rules are added,
 * changed, disabled and removed while articles are matched (from other threads): a change applies
 * to the next {@link #match}. Disabled rules are kept out of the Monitor. Thread-safe.
 */
public final class RuleMatcher implements AutoCloseable {
    /**
     * Presearcher passes: measured on 10,000 rules full of near-misses, three passes of term
     * filtering let through far fewer candidate rules than the default presearcher (DESIGN.md).
     */
    static final int PRESEARCHER_PASSES = 3;

    private final Monitor monitor;
    private final Map<String, AlertRule> enabled = new ConcurrentHashMap<>();
    private final RuleFieldsInUse fieldsInUse = new RuleFieldsInUse();

    private RuleMatcher(Monitor monitor) {
        this.monitor = monitor;
    }

    /** An empty matcher. Close it to stop the Monitor's background purge thread. */
    public static RuleMatcher create() {
        return create(PRESEARCHER_PASSES);
    }

    /** An empty matcher whose presearcher filters in {@code presearcherPasses} passes (tuning, benchmarks). */
    public static RuleMatcher create(int presearcherPasses) {
        try {
            return new RuleMatcher(new Monitor(RuleFields.analyzer(),
                    new MultipassTermFilteredPresearcher(presearcherPasses)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the in-memory rule index", e);
        }
    }

    /**
     * Adds or replaces {@code rule}; a disabled rule is removed from matching.
     *
     * @throws InvalidQueryException when its query cannot be parsed; the rule's previous version,
     *                              if any, is removed, since it no longer is the rule
     */
    public void put(AlertRule rule) {
        if (!rule.enabled()) {
            remove(rule.id());
            return;
        }
        MonitorQuery query;
        try {
            query = toMonitorQuery(rule);
        } catch (InvalidQueryException e) {
            remove(rule.id());
            throw e;
        }
        try {
            register(List.of(query));
        } catch (RuntimeException e) { // the Monitor could not index it: still the rule's fault, never the thread's end
            remove(rule.id());
            throw new InvalidQueryException(rule.query(), -1, "the query cannot be matched ("
                    + e.getClass().getSimpleName() + "); simplify it");
        }
        fieldsInUse.put(rule.id(), query.getQuery());
        enabled.put(rule.id(), rule);
    }

    /**
     * Adds or replaces every rule of {@code rules} in one go (start-up: much faster than one by one).
     *
     * @return the rules that were skipped because their query is invalid, by rule id
     */
    public Map<String, InvalidQueryException> putAll(Collection<AlertRule> rules) {
        Map<String, InvalidQueryException> invalid = new LinkedHashMap<>();
        List<MonitorQuery> queries = new ArrayList<>();
        List<AlertRule> accepted = new ArrayList<>();
        for (AlertRule rule : rules) {
            if (!rule.enabled()) continue;
            try {
                queries.add(toMonitorQuery(rule));
                accepted.add(rule);
            } catch (InvalidQueryException e) {
                invalid.put(rule.id(), e);
            }
        }
        try {
            register(queries);
            fieldsInUse.putAll(queries.stream().collect(Collectors.toMap(MonitorQuery::getId, MonitorQuery::getQuery,
                    (a, b) -> b)));
            accepted.forEach(rule -> enabled.put(rule.id(), rule));
        } catch (RuntimeException e) { // one of them cannot be indexed: find which, one by one
            for (AlertRule rule : accepted) {
                try {
                    put(rule);
                } catch (InvalidQueryException one) {
                    invalid.put(rule.id(), one);
                }
            }
        }
        rules.stream().filter(r -> !r.enabled() || invalid.containsKey(r.id())).forEach(r -> remove(r.id()));
        return invalid;
    }

    /** Stops matching the rule with this id (no-op when there is none). */
    public void remove(String ruleId) {
        if (enabled.remove(ruleId) == null) return;
        try {
            monitor.deleteById(ruleId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove rule " + ruleId + " from the in-memory index", e);
        }
        fieldsInUse.remove(ruleId);
    }

    /** The enabled rules that match {@code article}, in no particular order. */
    public List<AlertRule> match(EnrichedArticle article) {
        MatchingQueries<QueryMatch> matches;
        try {
            matches = monitor.match(ArticleFields.of(article, fieldsInUse.fields()), QueryMatch.SIMPLE_MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot match article " + article.id(), e);
        }
        List<AlertRule> rules = new ArrayList<>(matches.getMatchCount());
        for (QueryMatch match : matches.getMatches()) {
            AlertRule rule = enabled.get(match.getQueryId());
            if (rule != null) rules.add(rule); // null: removed while this article was being matched
        }
        return rules;
    }

    /** How many rules are matched. */
    public int size() {
        return enabled.size();
    }

    /** Stops the Monitor. */
    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the rule index", e);
        }
    }

    private static MonitorQuery toMonitorQuery(AlertRule rule) {
        return new MonitorQuery(rule.id(), RuleQueries.parseForMatching(rule.query()), rule.query(), Map.of());
    }

    private void register(List<MonitorQuery> queries) {
        if (queries.isEmpty()) return;
        try {
            monitor.register(queries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add rules to the in-memory index", e);
        }
    }
}
