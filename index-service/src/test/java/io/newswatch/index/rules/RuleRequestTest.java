package io.newswatch.index.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RuleRequestTest {

    @Test
    void trimsAndFillsDefaults() {
        RuleRequest valid = new RuleRequest("  Treaty  ", " armenia ", " ", "", null, null, null).validated();

        assertEquals("Treaty", valid.name());
        assertEquals("armenia", valid.query());
        assertNull(valid.webhook());
        assertNull(valid.secret());
        assertTrue(valid.isEnabled());
        assertEquals(PayloadFormat.JSON, valid.format());
    }

    @Test
    void namesTheFieldAtFault() {
        assertEquals("name", field(new RuleRequest(null, "a", null, null, null, null, null)));
        assertEquals("query", field(new RuleRequest("n", " ", null, null, null, null, null)));
        assertEquals("webhook", field(new RuleRequest("n", "a", "not a url", null, null, null, null)));
        assertEquals("webhook", field(new RuleRequest("n", "a", "file:///etc/passwd", null, null, null, null)));
        assertEquals("payload", field(new RuleRequest("n", "a", null, null, null, "xml", null)));
        assertEquals("name", field(new RuleRequest("x".repeat(RuleRequest.MAX_NAME_CHARS + 1), "a", null, null, null, null, null)));
    }

    @Test
    void acceptsSlackPayloadsAndHttpsWebhooks() {
        RuleRequest valid = new RuleRequest("n", "a", "https://hooks.example.org/T1/B2", "k", false, "Slack", null).validated();
        assertEquals(PayloadFormat.SLACK, valid.format());
        assertFalse(valid.isEnabled());
        assertEquals("https://hooks.example.org/T1/B2", valid.webhook());
    }

    @Test
    void neverShowsTheSecret() {
        RuleRequest request = new RuleRequest("n", "a", null, "s3cret", null, null, null);
        assertFalse(request.toString().contains("s3cret"));
        assertFalse(new RuleSettings(1, "s3cret", PayloadFormat.JSON, null).toString().contains("s3cret"));
    }

    @Test
    void readsTheThrottleWindowAndRefusesNonsense() {
        RuleRequest hourly = new RuleRequest("n", "a", null, null, null, null, "1h").validated();
        assertEquals(java.time.Duration.ofHours(1), hourly.throttleWindow());
        assertNull(new RuleRequest("n", "a", null, null, null, null, "0s").validated().throttleWindow());
        assertEquals("throttle", field(new RuleRequest("n", "a", null, null, null, null, "often")));
        assertEquals("throttle", field(new RuleRequest("n", "a", null, null, null, null, "30d")));
    }

    @Test
    void aSpikeRuleNeedsNoQueryAndGetsDefaults() {
        SpikeRequest spike = new SpikeRequest("Topic", " conflict ", null, null, null, null);
        RuleRequest valid = new RuleRequest("n", null, null, null, null, null, null, spike).validated();
        assertNull(valid.query());
        assertEquals(new io.newswatch.events.AlertRule.SpikeCondition("topic", "conflict",
                java.time.Duration.ofHours(1), 5, 5, java.time.Duration.ofDays(7)), valid.spikeCondition());
    }

    @Test
    void aSpikeConditionNamesTheFieldAtFault() {
        assertEquals("spike.targetKind", spike(new SpikeRequest("person", "Q1", null, null, null, null)));
        assertEquals("spike.target", spike(new SpikeRequest("entity", "two words", null, null, null, null)));
        assertEquals("spike.window", spike(new SpikeRequest("entity", "Q1", "1m", null, null, null)));
        assertEquals("spike.window", spike(new SpikeRequest("entity", "Q1", "soon", null, null, null)));
        assertEquals("spike.baseline", spike(new SpikeRequest("entity", "Q1", "1d", null, null, "1d")));
        assertEquals("spike.baseline", spike(new SpikeRequest("entity", "Q1", null, null, null, "30d")));
        assertEquals("spike.factor", spike(new SpikeRequest("entity", "Q1", null, 1.0, null, null)));
        assertEquals("spike.minCount", spike(new SpikeRequest("entity", "Q1", null, null, 0, null)));
        assertEquals("spike", field(new RuleRequest("n", "Lachin", null, null, null, null, null,
                new SpikeRequest("entity", "Q1", null, null, null, null))));
    }

    private static String spike(SpikeRequest spike) {
        return field(new RuleRequest("n", null, null, null, null, null, null, spike));
    }

    private static String field(RuleRequest request) {
        return assertThrows(InvalidRuleException.class, request::validated).field();
    }
}
