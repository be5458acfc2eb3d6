package io.newswatch.rulequery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries written to hurt: every one must be refused as an {@link InvalidQueryException} (a 400 at
 * the API, a parked record on the topic), quickly, never an other exception or error.
 */
class HostileRuleQueriesTest {

    static java.util.stream.Stream<String> hostileQueries() {
        return java.util.stream.Stream.of(
                "/(a|aa)*.{1,1000}/",                                                // determinization blow-up
                "title:/[a-z]{1,50}[0-9]{1,50}[a-z]{1,50}.{1,200}/",
                "/[/",                                                                // not a regular expression
                "/a{1000000}/",                                                       // huge repeat
                IntStream.range(0, 2000).mapToObj(i -> "w" + i).collect(Collectors.joining(" OR ")),
                // nested groups under the per-group limit, over the total limit
                IntStream.range(0, 40).mapToObj(g -> IntStream.range(0, 40).mapToObj(i -> "w" + g + "x" + i)
                        .collect(Collectors.joining(" OR ", "(", ")"))).collect(Collectors.joining(" OR ")),
                "(".repeat(3000) + "a" + ")".repeat(3000),                           // deep nesting
                "a".repeat(5000),                                                     // longer than any rule
                "x ".repeat(1100),                                                    // one group too large
                "a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*x*y*z*".repeat(4),     // wildcard explosion
                IntStream.range(0, 300).mapToObj(i -> "ab" + i + "~2").collect(Collectors.joining(" OR ")) + " OR "
                        + IntStream.range(0, 300).mapToObj(i -> "cd" + i + "*").collect(Collectors.joining(" OR "))
                        + " OR " + IntStream.range(0, 600).mapToObj(i -> "e" + i).collect(Collectors.joining(" OR ")));
    }

    @ParameterizedTest
    @MethodSource("hostileQueries")
    void isRefusedWithAReasonNeverAnOtherException(String query) {
        for (boolean matching : new boolean[] {false, true}) {
            InvalidQueryException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(
                    InvalidQueryException.class, () -> {
                        if (matching) RuleQueries.parseForMatching(query);
                        else RuleQueries.parse(query);
                    }));
            assertTrue(e.reason() != null && !e.reason().isBlank() && e.reason().length() < 300, e.reason());
            assertTrue(!e.reason().contains("Exception") && !e.reason().contains("org.apache"), e.reason());
        }
    }

    @Test
    void theReasonSaysWhatToChangeAndWhere() {
        assertReason("peace AND /(a|aa)*.{1,1000}/", "too complex to run", 11);
        assertReason("peace AND /[/", "is not valid", 11);
        assertReason("(".repeat(40) + "a" + ")".repeat(40), "nested more than 32 deep", 32);
        assertReason(IntStream.range(0, 2000).mapToObj(i -> "w" + i).collect(Collectors.joining(" OR ")),
                "longer than 4096 characters", -1);
        assertReason("x ".repeat(1100), "more than 1024 terms in one group", -1);
        // 600 words searched in title and in text: 1,200 clauses in two groups of 600
        assertReason(IntStream.range(0, 600).mapToObj(i -> "w" + i).collect(Collectors.joining(" ")),
                "at most 1024 are allowed", -1);
    }

    @Test
    void ordinaryPatternsAndGroupsStillParse() {
        RuleQueries.parse("/pash[iy]n[iy]an/ AND sanction* AND Pashinian~1");
        RuleQueries.parse("(".repeat(32) + "a" + ")".repeat(32));
        RuleQueries.parse(IntStream.range(0, 500).mapToObj(i -> "w" + i).collect(Collectors.joining(" OR ")));
        RuleQueries.parse("\"((((((((((((((((((((((((((((((((((\" AND title:\\(");
    }

    private static void assertReason(String query, String expected, int position) {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> RuleQueries.parse(query));
        assertTrue(e.reason().contains(expected), e.reason());
        assertEquals(position, e.position(), e.getMessage());
    }
}
