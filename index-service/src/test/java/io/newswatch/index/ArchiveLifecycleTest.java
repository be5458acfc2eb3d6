package io.newswatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Sentiment;
import io.newswatch.index.bulk.ArchiveLoader;
import io.newswatch.index.elastic.ArticleIndex;
import io.newswatch.index.elastic.ClusterCapabilities;
import io.newswatch.index.elastic.ElasticConfig;
import io.newswatch.index.elastic.ElasticConnection;
import io.newswatch.index.elastic.Retention;
import io.newswatch.index.search.ArticleSearch;
import io.newswatch.index.search.InvalidSearchException;
import io.newswatch.index.search.SearchCursor;
import io.newswatch.index.search.SearchPage;
import io.newswatch.index.search.SearchParams;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedInfraExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The archive's life against the real (integ-test) node, without Kafka: articles go in through
 * {@link ArchiveLoader}, the indexer's own set-up and bulk code. Paging reads from a point in time
 * (articles arriving between pages shift nothing; an expired one is a clear 400), retention drops
 * back-dated monthly indices, and a node without language analyzers gets the standard template.
 */
@ExtendWith(EmbeddedInfraExtension.class)
class ArchiveLifecycleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private final String alias = "lifecycle-" + UUID.randomUUID().toString().substring(0, 8);
    private final ArticleIndex index = new ArticleIndex(alias);
    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedElasticsearch es;
    private ElasticConnection elastic;
    private ArchiveLoader loader;
    private ClusterCapabilities capabilities;

    @BeforeEach
    void setUp(EmbeddedElasticsearch es) throws Exception {
        this.es = es;
        elastic = ElasticConnection.open(ElasticConfig.of(es.httpUrl()));
        loader = new ArchiveLoader(elastic.client(), index, 100);
        capabilities = loader.setUp();
    }

    @AfterEach
    void tearDown() throws Exception {
        List<String> names = new ArrayList<>();
        es("GET", "/_cat/indices/" + alias + "-*?format=json").forEach(i -> names.add(i.path("index").asText()));
        if (!names.isEmpty()) es("DELETE", "/" + String.join(",", names)); // wildcards need destructive_requires_name off
        elastic.close();
    }

    @Test
    void pagesReadFromAPointInTimeDoNotShiftWhileArticlesArrive() throws Exception {
        List<EnrichedArticle> original = articles("first", 25, NOW.minusSeconds(86_400), NOW);
        load(original);
        ArticleSearch search = new ArticleSearch(elastic.client(), index, Duration.ofMinutes(2));
        SearchPage page = search.search(params("pitmarker", null));
        assertEquals(25, page.total());

        // newer articles that match too: without a point in time they would push page 1's hits onto page 2
        load(articles("later", 10, NOW.minusSeconds(60), NOW));
        List<String> seen = new ArrayList<>(page.hits().stream().map(SearchPage.Hit::id).toList());
        while (page.next() != null) {
            page = search.search(params("pitmarker", page.next()));
            page.hits().forEach(h -> seen.add(h.id()));
        }

        assertEquals(25, seen.size(), "no duplicates, no extra: " + seen);
        assertEquals(ids(original), new HashSet<>(seen), "exactly the original result set");
        assertEquals(35, search.search(params("pitmarker", null)).total(), "a new search sees the new articles");
    }

    @Test
    void aCursorWhosePointInTimeIsGoneIsRefusedWithStartAgain() throws Exception {
        load(articles("gone", 25, NOW.minusSeconds(86_400), NOW));
        ArticleSearch search = new ArticleSearch(elastic.client(), index, Duration.ofMinutes(2));
        SearchPage first = search.search(params("pitmarker", null));
        assertNull(SearchCursor.decode(first.next()).pitId(), "page 1 opens no point in time");
        SearchPage second = search.search(params("pitmarker", first.next()));
        String pit = SearchCursor.decode(second.next()).pitId();
        es("DELETE", "/_pit", "{\"id\":\"" + pit + "\"}"); // what the keep-alive does when it lapses

        InvalidSearchException e = assertThrows(InvalidSearchException.class,
                () -> search.search(params("pitmarker", second.next())));
        assertEquals("after", e.parameter());
        assertTrue(e.getMessage().startsWith("cursor expired, start again"), e.getMessage());
    }

    @Test
    void theLastPageReleasesItsPointInTime() throws Exception {
        load(articles("single", 3, NOW.minusSeconds(86_400), NOW));
        long before = openPointsInTime();
        SearchPage only = new ArticleSearch(elastic.client(), index).search(params("pitmarker", null));
        assertEquals(3, only.hits().size());
        assertNull(only.next());
        assertTrue(openPointsInTime() <= before, "a result set of one page keeps nothing open");
    }

    @Test
    void aFirstPageOpensNoPointInTimeAndTheSecondOpensOne() throws Exception {
        load(articles("lazy", 15, NOW.minusSeconds(86_400), NOW));
        ArticleSearch search = new ArticleSearch(elastic.client(), index);
        long before = openPointsInTime();
        SearchPage first = search.search(params("pitmarker", null));
        assertEquals(before, openPointsInTime(), "reading one page keeps nothing open");
        SearchPage second = search.search(params("pitmarker", first.next()));
        List<String> seen = new ArrayList<>(first.hits().stream().map(SearchPage.Hit::id).toList());
        second.hits().forEach(h -> seen.add(h.id()));
        assertEquals(new HashSet<>(seen).size(), seen.size(), "no hit twice across the switch to a point in time");
        assertTrue(seen.size() >= 15, seen.toString());
    }

    @Test
    void retentionDropsMonthlyIndicesOlderThanItsMonthsAndNothingElse() throws Exception {
        load(articles("old", 3, Instant.parse("2024-06-10T00:00:00Z"), Instant.parse("2024-06-10T00:00:00Z")));
        load(articles("kept", 2, Instant.parse("2025-11-03T00:00:00Z"), Instant.parse("2025-11-03T00:00:00Z")));
        load(articles("recent", 4, NOW.minusSeconds(3_600), NOW));
        es("PUT", "/" + alias + "-restored"); // matches the template's pattern, but is no monthly index

        Retention retention = new Retention(elastic.client(), index, 12, Clock.fixed(NOW, ZoneOffset.UTC));
        List<String> dropped = retention.apply();

        assertEquals(List.of(alias + "-2024.06"), dropped);
        Set<String> left = new HashSet<>();
        es("GET", "/_cat/indices/" + alias + "-*?format=json").forEach(i -> left.add(i.path("index").asText()));
        assertEquals(new HashSet<>(List.of(alias + "-2025.11", alias + "-2026.11", alias + "-restored",
                index.indexFor(Instant.now()))), left);
        assertEquals(6, new ArticleSearch(elastic.client(), index).search(params("pitmarker", null)).total());
        assertEquals(List.of(), retention.apply(), "a second check finds nothing more to drop");
    }

    @Test
    void withoutAnalysisCommonTheTemplateKeepsTheStandardAnalyzerAndSearchesStillWork() throws Exception {
        assertFalse(capabilities.analysisCommon(), "the integ-test distribution has no analysis-common");
        assertTrue(capabilities.analysis().startsWith("standard analyzer only"), capabilities.analysis());
        load(articles("plain", 2, NOW.minusSeconds(3_600), NOW));

        JsonNode mapping = es("GET", "/" + index.indexFor(NOW) + "/_mapping").path(index.indexFor(NOW))
                .path("mappings").path("properties");
        assertTrue(mapping.path("text").path("fields").path("en").isMissingNode(), mapping.path("text").toString());
        assertEquals(2, new ArticleSearch(elastic.client(), index).search(params("pitmarker AND demarcation", null))
                .total(), "queries over the (unmapped) language subfields find what the plain fields find");
    }

    private static SearchParams params(String q, String after) {
        Map<String, List<String>> params = new java.util.HashMap<>(Map.of("q", List.of(q), "sort", List.of("newest"),
                "size", List.of("10")));
        if (after != null) params.put("after", List.of(after));
        return SearchParams.parse(params);
    }

    /** {@code count} matching articles published evenly between {@code from} and {@code to}, first seen then. */
    private List<EnrichedArticle> articles(String batch, int count, Instant from, Instant to) {
        long step = Math.max(1, Duration.between(from, to).toSeconds() / count);
        return IntStream.range(0, count).mapToObj(i -> {
            Instant published = from.plusSeconds(i * step);
            RawArticle raw = RawArticle.of("https://lifecycle.example/" + alias + "/" + batch + "/" + i, null,
                    "lifecycle.example", "Pitmarker report " + batch + " " + i, List.of(), published, null, published,
                    "en", "Pitmarker: the border demarcation commission met again, report " + i + ".");
            return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw, "en", List.of(),
                    new Sentiment(0, Sentiment.Label.NEUTRAL), List.of(), published, Map.of());
        }).toList();
    }

    private void load(List<EnrichedArticle> batch) throws Exception {
        assertEquals(batch.size(), loader.load(batch));
        es("POST", "/" + alias + "/_refresh");
    }

    private static Set<String> ids(List<EnrichedArticle> articles) {
        Set<String> ids = new HashSet<>();
        articles.forEach(a -> ids.add(a.id()));
        return ids;
    }

    private long openPointsInTime() throws Exception {
        return es("GET", "/_nodes/stats/indices/search").path("nodes").elements().next()
                .path("indices").path("search").path("point_in_time_current").asLong();
    }

    private JsonNode es(String method, String path) throws Exception {
        return es(method, path, null);
    }

    private JsonNode es(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(es.httpUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, method + " " + path + ": " + response.statusCode() + " " + response.body());
        return JSON.readTree(response.body());
    }
}
