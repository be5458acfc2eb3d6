package io.newswatch.index.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the monthly article indices whose whole month is older than the retention: with 12 months
 * in November 2026, {@code ALIAS-2025.10} and earlier go, {@code ALIAS-2025.11} stays. So nothing
 * younger than the retention is ever dropped. Months are those of the index names (the articles'
 * first-seen time); only names of exactly the form {@code ALIAS-YYYY.MM} are considered, so other
 * indices matching the pattern are left alone.
 */
public final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu.MM");

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final int months;
    private final Clock clock;
    private final Pattern monthly;

    /** @param months whole months kept besides the current one; at least 1 */
    public Retention(ElasticsearchClient client, ArticleIndex index, int months, Clock clock) {
        if (months < 1) throw new IllegalArgumentException("retention.months must be at least 1, was " + months);
        this.client = client;
        this.index = index;
        this.months = months;
        this.clock = clock;
        this.monthly = Pattern.compile(Pattern.quote(index.alias()) + "-(\\d{4}\\.\\d{2})");
    }

    /** The oldest month kept now. */
    public YearMonth oldestKept() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(months);
    }

    /** Deletes the indices older than the retention and returns their names (oldest first). */
    public List<String> apply() throws IOException {
        YearMonth oldest = oldestKept();
        List<String> expired = client.indices().get(r -> r.index(index.pattern()).ignoreUnavailable(true)
                        .allowNoIndices(true)).result().keySet().stream()
                .filter(name -> month(name).filter(m -> m.isBefore(oldest)).isPresent()).sorted().toList();
        if (expired.isEmpty()) {
            LOG.info("retention {} months: no article index older than {}", months, MONTH.format(oldest));
            return expired;
        }
        client.indices().delete(r -> r.index(expired));
        LOG.info("retention {} months: dropped {} article index(es) older than {}: {}", months, expired.size(),
                MONTH.format(oldest), expired);
        return expired;
    }

    private Optional<YearMonth> month(String name) {
        Matcher m = monthly.matcher(name);
        if (!m.matches()) return Optional.empty();
        try {
            return Optional.of(YearMonth.parse(m.group(1), MONTH));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty(); // e.g. 2025.13: not one of ours
        }
    }
}
