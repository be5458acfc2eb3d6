package io.newswatch.index.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleQueryTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "\"peace treaty\" AND (Armenia OR Azerbaijan)",
        "\"border demarcation\"~5",
        "sanction* NOT russia",
        "armenia border clash",
        "entity:pashinyan source:azatutyun.am",
        "title:\"Nikol Pashinyan\" -lang:ru",
        "topic:diplomacy AND author:\"A. Reporter\"",
        "entity:Q7045 OR (+text:lachin +corridor)",
        "azerbaijn~1"})
    void acceptsEveryOperatorAndTheSearchFields(String query) {
        assertEquals(query, RuleQuery.check(query));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"peace treaty\" AND (Armenia", "\"unclosed phrase", "title:(a", "AND AND", "a AND"})
    void refusesSyntaxErrorsSayingWhere(String query) {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> RuleQuery.check(query));
        assertEquals("query", e.field());
        assertTrue(e.getMessage().contains(", at column "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"titel:treaty", "armenia AND titel:\"peace treaty\"", "titel:[a TO b]", "titel:sanc*"})
    void refusesFieldsTheArticlesDoNotHave(String query) {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> RuleQuery.check(query));
        assertTrue(e.getMessage().contains("unknown field \"titel:\""), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"publishedAt:[2025-01-01 TO 2025-02-01]", "sentiment.label:negative"})
    void refusesFieldsLiveMatchingCannotSee(String query) {
        assertThrows(InvalidRuleException.class, () -> RuleQuery.check(query));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*sanction", "?eace"})
    void refusesLeadingWildcardsLikeTheSearch(String query) {
        assertThrows(InvalidRuleException.class, () -> RuleQuery.check(query));
    }

    @org.junit.jupiter.api.Test
    void pointsAtTheColumnOfTheProblem() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> RuleQuery.check("armenia titel:x"));
        assertTrue(e.getMessage().endsWith(", at column 9"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongQueries() {
        String query = "a ".repeat(RuleQuery.MAX_QUERY_CHARS);
        assertTrue(assertThrows(InvalidRuleException.class, () -> RuleQuery.check(query)).getMessage().contains("at most"));
    }
}
