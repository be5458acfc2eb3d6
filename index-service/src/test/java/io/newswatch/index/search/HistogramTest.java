package io.newswatch.index.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newswatch.index.search.SearchPage.DateCount;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramTest {

    private static DateCount day(String date, long count) {
        return new DateCount(LocalDate.parse(date), count);
    }

    @Test
    void shortSpansStayInDaysWithGapsFilled() {
        assertEquals(List.of(day("2025-03-01", 2), day("2025-03-02", 0), day("2025-03-03", 1)),
                Histogram.of(List.of(day("2025-03-03", 1), day("2025-03-01", 2))));
    }

    @Test
    void monthsOfNewsBecomeWeeksStartingMonday() {
        List<DateCount> weeks = Histogram.of(List.of(day("2025-01-01", 1), day("2025-01-02", 2), day("2025-05-01", 3)));
        assertEquals(day("2024-12-30", 3), weeks.get(0));
        assertEquals(day("2025-04-28", 3), weeks.get(weeks.size() - 1));
        assertEquals(18, weeks.size());
    }

    @Test
    void yearsOfNewsBecomeMonthsAndCenturiesYears() {
        List<DateCount> months = Histogram.of(List.of(day("2020-01-15", 1), day("2025-03-02", 4)));
        assertEquals(day("2020-01-01", 1), months.get(0));
        assertEquals(day("2025-03-01", 4), months.get(months.size() - 1));

        List<DateCount> years = Histogram.of(List.of(day("1000-06-01", 1), day("2025-03-02", 4)));
        assertEquals(List.of(day("1000-01-01", 1), day("2025-01-01", 4)), years);
    }

    @Test
    void nothingGivesNothing() {
        assertEquals(List.of(), Histogram.of(List.of()));
    }
}
