package io.newswatch.index.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchParamsTest {

    private static SearchParams parse(Map<String, List<String>> params) {
        return SearchParams.parse(params);
    }

    private static InvalidSearchException invalid(Map<String, List<String>> params) {
        return assertThrows(InvalidSearchException.class, () -> SearchParams.parse(params));
    }

    @Test
    void noParametersMeansNewestFirstTwentyAtATime() {
        SearchParams p = parse(Map.of());
        assertTrue(p.q().isEmpty());
        assertEquals(20, p.size());
        assertEquals(SortOrder.NEWEST, p.order());
        assertNull(p.from());
    }

    @Test
    void aQuerySortsByRelevanceAndBlankQueriesAreIgnored() {
        assertEquals(SortOrder.RELEVANCE, parse(Map.of("q", List.of("\"peace treaty\""))).order());
        assertEquals(SortOrder.NEWEST, parse(Map.of("q", List.of("  "))).order());
    }

    @Test
    void datesCoverWholeDaysAndDateTimesAreInclusive() {
        SearchParams p = parse(Map.of("from", List.of("2025-01-01"), "to", List.of("2025-01-31")));
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), p.from());
        assertEquals(Instant.parse("2025-02-01T00:00:00Z"), p.before());

        SearchParams t = parse(Map.of("from", List.of("2025-01-01T10:00:00+04:00"), "to", List.of("2025-01-02T10:00:00")));
        assertEquals(Instant.parse("2025-01-01T06:00:00Z"), t.from());
        assertEquals(Instant.parse("2025-01-02T10:00:00.001Z"), t.before());
    }

    @Test
    void badDatesAndReversedRangesNameTheParameter() {
        InvalidSearchException e = invalid(Map.of("from", List.of("last week")));
        assertEquals("from", e.parameter());
        assertTrue(e.getMessage().contains("'last week'"), e.getMessage());
        assertEquals("from", invalid(Map.of("from", List.of("2025-02-01"), "to", List.of("2025-01-01"))).parameter());
    }

    @Test
    void sizeMustBeAWholeNumberUpToAHundred() {
        assertEquals(100, parse(Map.of("size", List.of("100"))).size());
        assertEquals("size", invalid(Map.of("size", List.of("101"))).parameter());
        assertEquals("size", invalid(Map.of("size", List.of("0"))).parameter());
        assertEquals("size", invalid(Map.of("size", List.of("ten"))).parameter());
    }

    @Test
    void filtersMayRepeatButTheQueryMayNot() {
        SearchParams p = parse(Map.of("source", List.of("azatutyun.am", "civil.ge"), "lang", List.of("en"),
                "entity", List.of("Q7045")));
        assertEquals(List.of("azatutyun.am", "civil.ge"), p.sources());
        assertEquals(List.of("en"), p.languages());
        assertEquals(List.of("Q7045"), p.entities());
        assertEquals("q", invalid(Map.of("q", List.of("a", "b"))).parameter());
    }

    @Test
    void aCursorOnlyContinuesASearchWithTheSameSort() {
        String relevance = new SearchCursor(SortOrder.RELEVANCE, List.of(1.5, "id1")).encode();
        assertTrue(parse(Map.of("q", List.of("peace"), "after", List.of(relevance))).after().isPresent());
        assertEquals("after", invalid(Map.of("after", List.of(relevance))).parameter());
        assertEquals("after", invalid(Map.of("after", List.of("not-a-cursor"))).parameter());
    }

    @Test
    void sentimentBoundsMustBeNumbersFromMinusOneToOneInOrder() {
        SearchParams p = parse(Map.of("sentimentMin", List.of("-1"), "sentimentMax", List.of("0.5")));
        assertEquals(-1.0, p.filters().sentimentMin());
        assertEquals(0.5, p.filters().sentimentMax());
        for (String bad : List.of("1.5", "-2", "NaN", "positive")) {
            InvalidSearchException e = invalid(Map.of("sentimentMin", List.of(bad)));
            assertEquals("sentimentMin", e.parameter());
            assertTrue(e.getMessage().contains("-1 to 1"), e.getMessage());
        }
        assertEquals("sentimentMin", invalid(Map.of("sentimentMin", List.of("0.5"), "sentimentMax", List.of("0"))).parameter());
    }

    @Test
    void sortIsRelevanceNewestOrOldestAndUnknownParametersAreRefused() {
        assertEquals(SortOrder.OLDEST, parse(Map.of("q", List.of("peace"), "sort", List.of("oldest"))).order());
        assertEquals(SortOrder.RELEVANCE, parse(Map.of("sort", List.of("RELEVANCE"))).order());
        assertEquals("sort", invalid(Map.of("sort", List.of("best"))).parameter());
        InvalidSearchException e = invalid(Map.of("sentiment_min", List.of("0")));
        assertEquals("sentiment_min", e.parameter());
        assertTrue(e.getMessage().contains("sentimentMin"), e.getMessage());
    }

    @Test
    void countriesAndTopicsMayRepeat() {
        SearchParams p = parse(Map.of("country", List.of("AM", "AZ"), "topic", List.of("diplomacy")));
        assertEquals(List.of("AM", "AZ"), p.filters().countries());
        assertEquals(List.of("diplomacy"), p.filters().topics());
    }
}
