package io.newswatch.index.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryCostTest {
    private static final SearchLimits LIMITS = SearchLimits.DEFAULT;

    @Test
    void everydayQueriesPass() {
        for (String q : List.of("\"peace treaty\" AND (Armenia OR Azerbaijan)", "sanction*", "\"border demarcation\"~5",
                "entity:pashinyan", "Pashinian~1", "title:Lachin AND NOT sport", "publishedAt:[2025-01-01 TO 2025-02-01]",
                "se?rch", "((unclosed", "*", "title:*")) {
            assertDoesNotThrow(() -> QueryCost.check(q, LIMITS), q);
        }
    }

    @Test
    void regularExpressionsAreRefusedWithTheReason() {
        InvalidSearchException e = assertThrows(InvalidSearchException.class, () -> QueryCost.check("/.*a.*/", LIMITS));
        assertEquals("q", e.parameter());
        assertTrue(e.getMessage().contains("regular expressions"), e.getMessage());
        assertThrows(InvalidSearchException.class, () -> QueryCost.check("armenia AND NOT text:/(a|aa)*b/", LIMITS),
                "inside a prohibited clause too");
        assertDoesNotThrow(() -> QueryCost.check("/pash.n.an/", new SearchLimits(Duration.ofSeconds(1), true, 5, 2, 1)),
                "allowed when the operator says so");
    }

    @Test
    void shortWildcardsAndTooManyPatternsAreRefused() {
        for (String q : List.of("a*", "?x*", "text:a?c*", "title:z*")) {
            InvalidSearchException e = assertThrows(InvalidSearchException.class, () -> QueryCost.check(q, LIMITS), q);
            assertTrue(e.getMessage().contains("at least 2 letters"), e.getMessage());
        }
        InvalidSearchException many = assertThrows(InvalidSearchException.class,
                () -> QueryCost.check("ab* cd* ef* gh~ ij* kl*", LIMITS));
        assertTrue(many.getMessage().contains("6 wildcard, prefix or fuzzy terms; at most 5"), many.getMessage());
    }
}
