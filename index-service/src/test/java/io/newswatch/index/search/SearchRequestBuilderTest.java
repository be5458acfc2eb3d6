package io.newswatch.index.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.index.elastic.ArticleIndex;
import java.util.List;
import java.util.Map;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import org.junit.jupiter.api.Test;

class SearchRequestBuilderTest {
    private static final ArticleIndex INDEX = new ArticleIndex("news-articles");

    private static JsonNode request(Map<String, List<String>> params) throws Exception {
        String json = JsonpUtils.toJsonString(SearchRequestBuilder.build(SearchParams.parse(params), INDEX),
                new JacksonJsonpMapper());
        return new ObjectMapper().readTree(json);
    }

    @Test
    void queryStringOverTitleAndTextAndTheirLanguageSubfieldsWithAllTermsRequired() throws Exception {
        JsonNode body = request(Map.of("q", List.of("\"peace treaty\" armenia")));
        JsonNode qs = body.at("/query/bool/must/0/query_string");

        assertEquals("\"peace treaty\" armenia", qs.get("query").asText());
        assertEquals("and", qs.get("default_operator").asText().toLowerCase());
        assertEquals("[\"title^2\",\"text\",\"title.en^2\",\"title.ru^2\",\"title.hy^2\",\"text.en\",\"text.ru\","
                + "\"text.hy\"]", qs.get("fields").toString(), "plain fields and language subfields, where they exist");
        assertFalse(qs.get("allow_leading_wildcard").asBoolean());
        assertEquals("desc", body.at("/sort/0/_score/order").asText());
        assertEquals("asc", body.at("/sort/1/id/order").asText());
    }

    @Test
    void withoutQueryNewestFirstAndFiltersDoNotScore() throws Exception {
        JsonNode body = request(Map.of("from", List.of("2025-01-01"), "source", List.of("a.am", "b.ge"),
                "entity", List.of("Q1"), "size", List.of("5")));

        assertTrue(body.at("/query/bool/must/0/match_all").isObject());
        assertEquals("2025-01-01T00:00:00Z", body.at("/query/bool/filter/0/range/publishedAt/gte").asText());
        assertEquals("[\"a.am\",\"b.ge\"]", body.at("/query/bool/filter/1/terms/source").toString());
        assertEquals("[\"Q1\"]", body.at("/query/bool/filter/2/terms/entityIds").toString());
        assertEquals("desc", body.at("/sort/0/publishedAt/order").asText());
        assertEquals("_last", body.at("/sort/0/publishedAt/missing").asText());
        assertEquals(6, body.get("size").asInt()); // one more, to know whether there is a next page
    }

    @Test
    void highlightsAreHtmlEncodedWithMarkTags() throws Exception {
        JsonNode h = request(Map.of("q", List.of("peace"))).get("highlight");

        assertEquals("html", h.get("encoder").asText());
        assertEquals("<mark>", h.at("/pre_tags/0").asText());
        assertEquals(0, h.at("/fields/title/number_of_fragments").asInt());
        assertTrue(h.at("/fields/text/no_match_size").asInt() > 0);
    }

    @Test
    void aCursorBecomesSearchAfter() throws Exception {
        String after = new SearchCursor(SortOrder.NEWEST, List.of(1735812000000L, "abc")).encode();
        JsonNode body = request(Map.of("after", List.of(after)));
        assertEquals("[1735812000000,\"abc\"]", body.get("search_after").toString());
    }

    @Test
    void facetsAndDayCountsAreAskedFor() throws Exception {
        JsonNode aggs = request(Map.of()).get("aggregations");
        assertEquals("source", aggs.at("/sources/terms/field").asText());
        assertEquals("language", aggs.at("/languages/terms/field").asText());
        assertEquals("entityIds", aggs.at("/entities/terms/field").asText());
        assertEquals("day", aggs.at("/days/date_histogram/calendar_interval").asText());
    }

    @Test
    void countryTopicAndSentimentAreTermAndRangeFiltersNeverQuerySyntax() throws Exception {
        JsonNode body = request(Map.of("country", List.of("AM"), "topic", List.of("x OR *:*"),
                "sentimentMin", List.of("-0.5"), "sentimentMax", List.of("0.25")));
        JsonNode filters = body.at("/query/bool/filter");

        assertEquals(-0.5, filters.at("/0/range/sentiment.score/gte").asDouble());
        assertEquals(0.25, filters.at("/0/range/sentiment.score/lte").asDouble());
        assertEquals("[\"AM\"]", filters.at("/1/terms/country").toString());
        assertEquals("[\"x OR *:*\"]", filters.at("/2/terms/topics").toString());
        assertEquals(1, body.at("/query/bool/must").size()); // only the match_all: the filter value is not a query
        assertEquals("topics", body.at("/aggregations/topics/terms/field").asText());
        assertEquals("country", body.at("/aggregations/countries/terms/field").asText());
    }

    @Test
    void sortOldestIsAscendingAndRelevanceCanBeTurnedOff() throws Exception {
        assertEquals("asc", request(Map.of("sort", List.of("oldest"))).at("/sort/0/publishedAt/order").asText());
        JsonNode newest = request(Map.of("q", List.of("peace"), "sort", List.of("newest")));
        assertEquals("desc", newest.at("/sort/0/publishedAt/order").asText());
    }

    @Test
    void aPageOfAPointInTimeNamesItAndRenewsItsKeepAlive() throws Exception {
        SearchRequest request = SearchRequestBuilder.build(SearchParams.parse(Map.of("q", List.of("armenia"))), INDEX,
                new PointsInTime.Pit("pit-id-1", "120s"));
        JsonNode body = new ObjectMapper().readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));

        assertEquals("pit-id-1", body.at("/pit/id").asText());
        assertEquals("120s", body.at("/pit/keep_alive").asText());
        assertTrue(request.index().isEmpty(), "a point in time names its indices itself");
    }
}
