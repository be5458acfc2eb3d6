package io.newswatch.index.search;

import io.newswatch.support.ConfigException;
import io.newswatch.support.Settings;
import java.time.Duration;

/**
 * What one search may cost ({@code search.*}): how long Elasticsearch may work on it, and which patterns a query
 * may hold. Patterns are the expensive part of a query: each regular expression, wildcard, prefix or fuzzy term is
 * matched against the whole term dictionary of every index before any document is read.
 *
 * @param timeout           how long a search may run before it is answered 504 ({@code search.timeout})
 * @param allowRegex        whether {@code /regular expressions/} may be used ({@code search.allow-regex})
 * @param maxPatterns       most wildcard, prefix and fuzzy terms in one query ({@code search.max-patterns})
 * @param minPatternPrefix  letters a wildcard or prefix term must start with ({@code search.min-pattern-prefix})
 * @param maxExports        exports running at once; more get 503 ({@code search.max-concurrent-exports})
 */
public record SearchLimits(Duration timeout, boolean allowRegex, int maxPatterns, int minPatternPrefix,
                           int maxExports) {
    /** The defaults of {@code index-service.properties}. */
    public static final SearchLimits DEFAULT = new SearchLimits(Duration.ofSeconds(10), false, 5, 2, 2);

    public SearchLimits {
        if (timeout.toMillis() < 100) throw new ConfigException("search.timeout must be at least 100ms, was " + timeout);
        if (maxPatterns < 0) throw new ConfigException("search.max-patterns must be >= 0, was " + maxPatterns);
        if (maxExports < 1) throw new ConfigException("search.max-concurrent-exports must be >= 1, was " + maxExports);
        if (minPatternPrefix < 0) {
            throw new ConfigException("search.min-pattern-prefix must be >= 0, was " + minPatternPrefix);
        }
    }

    public static SearchLimits from(Settings settings) {
        return new SearchLimits(settings.duration("search.timeout"), settings.bool("search.allow-regex"),
                settings.integer("search.max-patterns"), settings.integer("search.min-pattern-prefix"),
                settings.integer("search.max-concurrent-exports"));
    }
}
