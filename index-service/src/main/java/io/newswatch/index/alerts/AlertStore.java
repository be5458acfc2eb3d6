package io.newswatch.index.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.index.alerts.AlertDocument.Delivery;
import io.newswatch.index.alerts.AlertDocument.DeliveryState;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code news-alerts} index: alert history and the webhook delivery log. Alerts are created,
 * never overwritten, so replaying {@code news.alerts} keeps their delivery state.
 */
public final class AlertStore {
    private static final String TEMPLATE_RESOURCE = "/elastic/alert-template.json";
    private static final long TEMPLATE_VERSION = 2;
    private static final int CONFLICT = 409;

    private final ElasticsearchClient client;
    private final String index;

    public AlertStore(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    /** Installs the index template and creates the index; idempotent. */
    public void setup() throws IOException {
        String template = readTemplate();
        client.indices().putIndexTemplate(r -> r.name(index).indexPatterns(index).version(TEMPLATE_VERSION)
                .priority(200L).meta("managed_by", JsonData.of("newswatch index-service"))
                .template(t -> t.withJson(new StringReader(template))));
        if (client.indices().exists(r -> r.index(index)).value()) {
            addNewFields(template);
            return;
        }
        try {
            client.indices().create(r -> r.index(index));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) throw e;
        }
    }

    /**
     * Creates the documents that do not exist yet.
     *
     * @return the ids created now (the others were there already: replays)
     * @throws IOException or {@link ElasticsearchException} when a document could be neither created nor found
     */
    public Set<String> createAll(List<AlertDocument> documents) throws IOException {
        if (documents.isEmpty()) return Set.of();
        BulkResponse response = client.bulk(b -> {
            documents.forEach(d -> b.operations(op -> op.create(c -> c.index(index).id(d.id()).document(d))));
            return b;
        });
        Set<String> created = new HashSet<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                created.add(item.id());
            } else if (item.status() != CONFLICT) {
                throw new IOException("alert " + item.id() + " not indexed: " + item.error().type() + ": "
                        + item.error().reason());
            }
        }
        return created;
    }

    /** The document of alert {@code id}, if indexed. */
    public Optional<AlertDocument> get(String id) throws IOException {
        GetResponse<AlertDocument> r = client.get(g -> g.index(index).id(id), AlertDocument.class);
        return r.found() ? Optional.ofNullable(r.source()) : Optional.empty();
    }

    /** Records where the delivery of alert {@code id} stands. */
    public void updateDelivery(String id, Delivery delivery) throws IOException {
        client.update(u -> u.index(index).id(id).doc(Map.of("delivery", delivery)), AlertDocument.class);
    }

    /** Recent alerts, newest first: of one rule when {@code ruleId} is given, matched at or after {@code since}. */
    public AlertPage recent(String ruleId, Instant since, int size) throws IOException {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (ruleId != null) bool.filter(f -> f.term(t -> t.field("ruleId").value(ruleId)));
        if (since != null) bool.filter(f -> f.range(r -> r.date(d -> d.field("matchedAt").gte(since.toString()))));
        SearchResponse<AlertDocument> r = client.search(s -> s.index(index).ignoreUnavailable(true)
                .query(q -> q.bool(bool.build())).size(size).trackTotalHits(t -> t.enabled(true))
                .sort(o -> o.field(f -> f.field("matchedAt").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))), AlertDocument.class);
        long total = r.hits().total() == null ? r.hits().hits().size() : r.hits().total().value();
        return new AlertPage(total, sources(r));
    }

    /** Alerts received at or after {@code since}, oldest first (a stream client catching up). */
    public List<AlertDocument> receivedSince(Instant since, int size) throws IOException {
        Query after = Query.of(q -> q.range(r -> r.date(d -> d.field("receivedAt").gte(since.toString()))));
        return sources(client.search(s -> s.index(index).ignoreUnavailable(true).query(after).size(size)
                .sort(o -> o.field(f -> f.field("receivedAt").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))), AlertDocument.class));
    }

    /** Alerts whose webhook was delivered at or after {@code since}, oldest first (throttle claims after a restart). */
    public List<AlertDocument> deliveredSince(Instant since, int size) throws IOException {
        BoolQuery.Builder bool = new BoolQuery.Builder()
                .filter(f -> f.term(t -> t.field("delivery.state").value(DeliveryState.DELIVERED.name())))
                .filter(f -> f.range(r -> r.date(d -> d.field("delivery.deliveredAt").gte(since.toString()))));
        return sources(client.search(s -> s.index(index).ignoreUnavailable(true).query(q -> q.bool(bool.build()))
                .size(size).sort(o -> o.field(f -> f.field("delivery.deliveredAt").order(SortOrder.Asc))),
                AlertDocument.class));
    }

    /** Ids of alerts whose webhook is still due (after a restart). */
    public List<String> pendingDeliveries(int size) throws IOException {
        SearchResponse<AlertDocument> r = client.search(s -> s.index(index).ignoreUnavailable(true)
                .query(q -> q.term(t -> t.field("delivery.state").value(DeliveryState.PENDING.name())))
                .size(size).sort(o -> o.field(f -> f.field("receivedAt").order(SortOrder.Asc))), AlertDocument.class);
        return r.hits().hits().stream().map(Hit::id).toList();
    }

    private static List<AlertDocument> sources(SearchResponse<AlertDocument> r) {
        return r.hits().hits().stream().map(Hit::source).toList();
    }

    /** An index made by an older version gets the fields added since (adding fields is always allowed). */
    private void addNewFields(String template) throws IOException {
        String mappings = new ObjectMapper().readTree(template).get("mappings").toString();
        client.indices().putMapping(r -> r.index(index).withJson(new StringReader(mappings)));
    }

    private static String readTemplate() {
        try (InputStream in = AlertStore.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (in == null) throw new IllegalStateException(TEMPLATE_RESOURCE + " is missing from the jar");
            return new ObjectMapper().readTree(in).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE_RESOURCE, e);
        }
    }

    /** One page of recent alerts, the body of {@code GET /api/alerts}. */
    public record AlertPage(long total, List<AlertDocument> alerts) {}
}
