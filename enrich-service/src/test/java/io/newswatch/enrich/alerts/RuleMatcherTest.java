package io.newswatch.enrich.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.testing.Articles;
import io.newswatch.events.AlertRule;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EntityMention;
import io.newswatch.events.RawArticle;
import io.newswatch.rulequery.InvalidQueryException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuleMatcherTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final RawArticle TREATY = Articles.pashinyanArticle("https://www.azatutyun.am/a/1.html");
    private static final EnrichedArticle ENRICHED = enriched(TREATY, "en", List.of("peace-talks"),
            new EntityMention("Nikol Pashinyan", "PERSON", 63, 78, "Q7035479", "Nikol Pashinyan", null, null),
            new EntityMention("Yerevan", "LOCATION", 100, 107, "Q1953", "Yerevan", "AM", null));

    private final RuleMatcher matcher = RuleMatcher.create();

    @AfterEach
    void close() {
        matcher.close();
    }

    @Test
    void everyOperatorMatchesLikeTheSearchSyntaxSays() {
        assertMatches("\"peace treaty\" AND (Armenia OR Azerbaijan)");
        assertMatches("\"peace treaty\"");
        assertMatches("Pashinyan treaty"); // default AND
        assertMatches("Pashinyan OR Aliyev");
        assertMatches("Pashinyan NOT Aliyev");
        assertMatches("\"peace ready\"~2");
        assertMatches("sign*");
        assertMatches("title:pashinyan AND text:yerevan");
        assertMatches("Pashinian~1");
        assertNoMatch("\"treaty peace\"");
        assertNoMatch("Pashinyan Aliyev");
        assertNoMatch("Pashinyan NOT Yerevan");
        assertNoMatch("\"peace ready\"~1");
        assertNoMatch("title:yerevan");
    }

    @Test
    void nothingWithoutFieldSpansTitleAndTextButExplicitOperatorsCombineThem() {
        assertMatches("title:ready AND \"Armenian Prime Minister\"");
        assertNoMatch("\"says armenian\"~50"); // "says" only in the title, "Armenian" only in the text
        RawArticle split = Articles.raw("https://e.am/split", "Talks on Nagorno", "Karabakh is the topic.");
        matcher.put(rule("words", "Nagorno Karabakh", true));
        matcher.put(rule("compound", "Nagorno-Karabakh", true));
        matcher.put(rule("and", "Nagorno AND Karabakh", true));
        assertEquals(List.of("and"), ids(matcher.match(enriched(split, "en", List.of()))),
                "as in Elasticsearch, words between operators must all be in the title or all in the text");
    }

    @Test
    void entityMatchesCanonicalNamesIdsAndSpellingsButNotAcrossTwoEntities() {
        assertMatches("entity:pashinyan");
        assertMatches("entity:\"Nikol Pashinyan\"");
        assertMatches("entity:Q7035479");
        assertMatches("entityIds:Q1953");
        assertNoMatch("entity:\"Pashinyan Yerevan\"~3");
        assertNoMatch("entity:Armenia"); // in the text, but not an entity found
    }

    @Test
    void keywordFieldsMatchExactly() {
        assertMatches("source:azatutyun.am");
        assertNoMatch("source:Azatutyun.am");
        assertNoMatch("source:azatutyun");
        assertMatches("lang:en AND topic:peace-talks AND author:Staff");
        assertNoMatch("language:ru");
    }

    @Test
    void aDisabledRuleStopsMatchingAndAnUpdateReplacesTheQuery() {
        matcher.put(rule("r1", "Pashinyan", true));
        assertEquals(List.of("r1"), ids(matcher.match(ENRICHED)));
        matcher.put(rule("r1", "Aliyev", true));
        assertEquals(List.of(), ids(matcher.match(ENRICHED)));
        matcher.put(rule("r1", "Pashinyan", false));
        assertEquals(List.of(), ids(matcher.match(ENRICHED)));
        assertEquals(0, matcher.size());
    }

    @Test
    void anInvalidUpdateRemovesTheOldVersionAndIsReported() {
        matcher.put(rule("r1", "Pashinyan", true));
        assertThrows(InvalidQueryException.class, () -> matcher.put(rule("r1", "Pashinyan AND", true)));
        assertEquals(List.of(), ids(matcher.match(ENRICHED)));
    }

    @Test
    void putAllSkipsInvalidRulesAndKeepsTheOthers() {
        Map<String, InvalidQueryException> invalid = matcher.putAll(List.of(rule("ok", "treaty", true),
                rule("bad", "(treaty", true), rule("off", "treaty", false)));
        assertEquals(List.of("bad"), List.copyOf(invalid.keySet()));
        assertEquals(List.of("ok"), ids(matcher.match(ENRICHED)));
    }

    private void assertMatches(String query) {
        assertTrue(matches(query), "should match: " + query);
    }

    private void assertNoMatch(String query) {
        assertTrue(!matches(query), "should not match: " + query);
    }

    private boolean matches(String query) {
        matcher.put(rule("probe", query, true));
        boolean matched = !matcher.match(ENRICHED).isEmpty();
        matcher.remove("probe");
        return matched;
    }

    static AlertRule rule(String id, String query, boolean enabled) {
        return new AlertRule(AlertRule.SCHEMA_VERSION, id, "rule " + id, query, null, enabled, NOW, NOW);
    }

    static EnrichedArticle enriched(RawArticle raw, String language, List<String> topics, EntityMention... entities) {
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw, language, List.of(entities), null, topics,
                NOW, Map.of());
    }

    private static List<String> ids(List<AlertRule> rules) {
        return rules.stream().map(AlertRule::id).sorted().toList();
    }
}
