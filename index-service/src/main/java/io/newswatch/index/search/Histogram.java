package io.newswatch.index.search;

import io.newswatch.index.search.SearchPage.DateCount;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Turns day counts into a histogram a person can read: days for up to two months, ISO weeks
 * (from Monday) up to two years, months up to twenty years, else years; gaps filled with zeros.
 * Elasticsearch gives the day counts (only days that have articles, so an outlier date cannot
 * explode the bucket count); the interval is chosen here from their span.
 */
final class Histogram {
    private static final int MAX_FILLED = 400;

    private enum Interval {
        DAY(d -> d, d -> d.plusDays(1)),
        WEEK(d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), d -> d.plusWeeks(1)),
        MONTH(d -> d.withDayOfMonth(1), d -> d.plusMonths(1)),
        YEAR(d -> d.withDayOfYear(1), d -> d.plusYears(1));

        final UnaryOperator<LocalDate> start;
        final UnaryOperator<LocalDate> next;

        Interval(UnaryOperator<LocalDate> start, UnaryOperator<LocalDate> next) {
            this.start = start;
            this.next = next;
        }
    }

    private Histogram() {}

    /** Buckets for {@code days} (one count per day that has articles, any order). */
    static List<DateCount> of(List<DateCount> days) {
        if (days.isEmpty()) return List.of();
        TreeMap<LocalDate, Long> byDay = new TreeMap<>();
        days.forEach(d -> byDay.merge(d.date(), d.count(), Long::sum));
        Interval interval = interval(ChronoUnit.DAYS.between(byDay.firstKey(), byDay.lastKey()));
        TreeMap<LocalDate, Long> buckets = new TreeMap<>();
        byDay.forEach((day, count) -> buckets.merge(interval.start.apply(day), count, Long::sum));
        return filled(buckets, interval);
    }

    private static Interval interval(long spanDays) {
        if (spanDays <= 62) return Interval.DAY;
        if (spanDays <= 2 * 366) return Interval.WEEK;
        if (spanDays <= 20 * 366) return Interval.MONTH;
        return Interval.YEAR;
    }

    private static List<DateCount> filled(TreeMap<LocalDate, Long> buckets, Interval interval) {
        List<DateCount> result = new ArrayList<>();
        LocalDate last = buckets.lastKey();
        for (LocalDate d = buckets.firstKey(); !d.isAfter(last) && result.size() < MAX_FILLED; d = interval.next.apply(d)) {
            result.add(new DateCount(d, buckets.getOrDefault(d, 0L)));
        }
        if (result.size() < MAX_FILLED) return result;
        // absurd spans (a page dated year 1000): only the periods that have articles
        return buckets.entrySet().stream().map((Map.Entry<LocalDate, Long> e) -> new DateCount(e.getKey(), e.getValue()))
                .toList();
    }
}
