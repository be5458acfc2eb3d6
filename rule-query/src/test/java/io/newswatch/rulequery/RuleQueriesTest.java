package io.newswatch.rulequery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class RuleQueriesTest {

    @Test
    void wordsWithoutOperatorMustAllBeInTheTitleOrAllInTheTextLikeElasticsearch() {
        assertEquals(anyField(all("title", "armenia", "border"), all("text", "armenia", "border")),
                RuleQueries.parse("Armenia border"));
    }

    @Test
    void explicitOperatorsCombineTermsFoundInEitherField() {
        assertEquals(new BooleanQuery.Builder().add(anyField("armenia"), Occur.MUST).add(anyField("border"), Occur.MUST)
                .build(), RuleQueries.parse("Armenia AND border"));
    }

    @Test
    void phrasesProximityAndWildcardsAreAnalysedLikeTheIndex() {
        assertEquals(anyField(new PhraseQuery("title", "peace", "treaty"), new PhraseQuery("text", "peace", "treaty")),
                RuleQueries.parse("\"Peace Treaty\""));
        assertEquals(anyField(new PhraseQuery(5, "title", "border", "demarcation"),
                new PhraseQuery(5, "text", "border", "demarcation")), RuleQueries.parse("\"border demarcation\"~5"));
        assertEquals("title:sanction* text:sanction*", RuleQueries.parse("Sanction*").toString());
    }

    @Test
    void keywordFieldsAreExactAndAliasesNameTheStoredField() {
        assertEquals("source:Azatutyun.am", RuleQueries.parse("source:Azatutyun.am").toString());
        assertEquals("+language:hy +topics:peace-talks +authors:Staff Writer",
                RuleQueries.parse("lang:hy topic:peace-talks author:\"Staff Writer\"").toString());
        assertEquals("entity:\"nikol pashinyan\"", RuleQueries.parse("entity:\"Nikol Pashinyan\"").toString());
    }

    @Test
    void aPurelyNegativeQueryMatchesEverythingElseLikeElasticsearch() {
        assertEquals(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
                .add(anyField("sport"), Occur.MUST_NOT).build(), RuleQueries.parse("NOT sport"));
    }

    @Test
    void aDanglingOperatorIsRefusedWithItsPosition() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> RuleQueries.parse("peace AND AND treaty"));
        assertEquals(10, e.position());
        assertTrue(e.getMessage().contains("unexpected \"AND\""), e.getMessage());
        assertTrue(e.getMessage().endsWith("\n  peace AND AND treaty\n            ^"), e.getMessage());
    }

    @Test
    void unclosedQuotesAndBracketsAreRefused() {
        InvalidQueryException quote = assertThrows(InvalidQueryException.class,
                () -> RuleQueries.parse("\"peace treaty AND Armenia"));
        assertTrue(quote.reason().contains("unclosed"), quote.getMessage());
        InvalidQueryException bracket = assertThrows(InvalidQueryException.class,
                () -> RuleQueries.parse("(Armenia OR Azerbaijan"));
        assertTrue(bracket.reason().contains("ends too early"), bracket.getMessage());
    }

    @Test
    void aLeadingWildcardIsRefusedAsInTheSearchApi() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> RuleQueries.parse("Armenia *stan"));
        assertEquals(8, e.position(), e.getMessage());
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheFieldsThatExist() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> RuleQueries.parse("Armenia AND body:peace"));
        assertEquals(12, e.position());
        assertTrue(e.reason().contains("unknown field \"body:\""), e.reason());
        assertTrue(e.reason().contains("entity"), e.reason());
    }

    private static Query anyField(String term) {
        return anyField(new TermQuery(new Term("title", term)), new TermQuery(new Term("text", term)));
    }

    private static Query anyField(Query title, Query text) {
        return new DisjunctionMaxQuery(List.of(title, text), 0f);
    }

    private static Query all(String field, String... terms) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : terms) all.add(new TermQuery(new Term(field, term)), Occur.MUST);
        return all.build();
    }

    @Test
    void anEmptyQueryIsRefused() {
        assertEquals(-1, assertThrows(InvalidQueryException.class, () -> RuleQueries.parse("  ")).position());
    }
}
