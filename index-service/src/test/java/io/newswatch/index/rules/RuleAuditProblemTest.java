package io.newswatch.index.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.events.AlertRule;
import io.newswatch.events.EventJson;
import io.newswatch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which records of the rule topics the audit parks, and the reason it gives. */
class RuleAuditProblemTest {
    private static final String RULES = Topics.ALERT_RULES.name();
    private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

    @Test
    void aValidQueryRuleASpikeRuleAndATombstoneAreFine() {
        assertEquals(Optional.empty(), RuleAudit.problem(RULES, "r1", rule("r1", "\"peace treaty\" AND Armenia")));
        AlertRule spike = new AlertRule(AlertRule.SCHEMA_VERSION, "r2", "Lachin", null, null, true, NOW, NOW,
                new AlertRule.SpikeCondition("entity", "nw:lachin", Duration.ofHours(1), 5, 5, Duration.ofDays(7)));
        assertEquals(Optional.empty(), RuleAudit.problem(RULES, "r2", EventJson.write(spike)));
        assertEquals(Optional.empty(), RuleAudit.problem(RULES, "r3", null));
        assertEquals(Optional.empty(), RuleAudit.problem(RuleTopics.SETTINGS.name(), "r1",
                EventJson.write(RuleSettings.DEFAULT)));
    }

    @Test
    void aRecordWithoutKeyIsParkedSayingSo() {
        assertReason("no key", RuleAudit.problem(RULES, null, rule("r1", "Armenia")));
    }

    @Test
    void somethingThatIsNoRuleIsParkedWithTheParsersReason() {
        assertReason("AlertRule", RuleAudit.problem(RULES, "r1", "{not json".getBytes(StandardCharsets.UTF_8)));
        assertReason("AlertRule", RuleAudit.problem(RULES, "r1", "{\"id\":\"r1\"}".getBytes(StandardCharsets.UTF_8)));
        assertReason("RuleSettings", RuleAudit.problem(RuleTopics.SETTINGS.name(), "r1",
                "[1,2]".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRuleUnderAnotherKeyIsParked() {
        assertReason("is not its key other", RuleAudit.problem(RULES, "other", rule("r1", "Armenia")));
    }

    @Test
    void aRuleWhoseQueryDoesNotParseOrNamesAnUnknownFieldIsParked() {
        assertReason("rule r1 has an invalid query", RuleAudit.problem(RULES, "r1", rule("r1", "\"peace AND (")));
        assertReason("salary", RuleAudit.problem(RULES, "r1", rule("r1", "salary:100")));
    }

    @Test
    void aRuleWhoseQueryIsTooComplexToRunIsParkedNotThrown() {
        assertReason("too complex to run", RuleAudit.problem(RULES, "r1", rule("r1", "/(a|aa)*.{1,1000}/")));
        assertReason("is not valid", RuleAudit.problem(RULES, "r1", rule("r1", "treaty AND /[/")));
        assertReason("nested more than", RuleAudit.problem(RULES, "r1", rule("r1", "(".repeat(40) + "a"
                + ")".repeat(40))));
        assertReason("at most 1024", RuleAudit.problem(RULES, "r1", rule("r1", java.util.stream.IntStream.range(0, 600)
                .mapToObj(i -> "w" + i).collect(java.util.stream.Collectors.joining(" ")))));
        assertReason("at most 4096 characters", RuleAudit.problem(RULES, "r1", rule("r1", "(".repeat(3000) + "a"
                + ")".repeat(3000))));
    }

    private static byte[] rule(String id, String query) {
        return EventJson.write(new AlertRule(AlertRule.SCHEMA_VERSION, id, "Rule " + id, query, null, true, NOW, NOW));
    }

    private static void assertReason(String expected, Optional<RuntimeException> problem) {
        assertTrue(problem.isPresent(), "expected a problem containing " + expected);
        assertTrue(problem.get().getMessage().contains(expected), problem.get().getMessage());
    }
}
