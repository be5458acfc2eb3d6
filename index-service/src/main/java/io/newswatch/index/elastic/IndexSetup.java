package io.newswatch.index.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the cluster ready for articles: the index template (settings, mappings, alias) for the
 * monthly indices, the current month's index (so the alias always resolves), and the template's
 * mappings applied to existing indices (new fields reach old months), with language subfields when
 * the cluster has the analyzers ({@link LanguageAnalysis}). Idempotent; run at start and
 * whenever Elasticsearch comes back, since a wiped cluster loses its templates. Used by one
 * thread (the indexer's).
 */
public final class IndexSetup {
    private static final Logger LOG = LoggerFactory.getLogger(IndexSetup.class);
    private static final String TEMPLATE_RESOURCE = "/elastic/article-template.json";
    /** Bump when the template changes, so {@code GET _index_template} shows which one is installed. */
    static final long TEMPLATE_VERSION = 3;
    private static final long TEMPLATE_PRIORITY = 200;

    private final ElasticsearchClient client;
    private final ArticleIndex index;
    private final Clock clock;
    private final JsonNode template = readTemplate();
    private final Set<String> knownIndices = new HashSet<>();

    public IndexSetup(ElasticsearchClient client, ArticleIndex index, Clock clock) {
        this.client = client;
        this.index = index;
        this.clock = clock;
    }

    /** Detects the cluster's capabilities and installs everything; throws while the cluster is unreachable. */
    public ClusterCapabilities run() throws IOException {
        ClusterCapabilities capabilities = ClusterCapabilities.detect(client);
        JsonNode chosen = LanguageAnalysis.template(template, capabilities);
        putTemplate(chosen);
        knownIndices.clear(); // the cluster may have been wiped
        ensureIndex(index.indexFor(clock.instant()));
        updateExistingMappings(chosen);
        return capabilities;
    }

    /** Creates {@code name} from the template unless it exists; remembers the indices it has seen. */
    public void ensureIndex(String name) throws IOException {
        if (knownIndices.contains(name)) return;
        if (!client.indices().exists(r -> r.index(name)).value()) {
            try {
                client.indices().create(r -> r.index(name));
                LOG.info("created index {}", name);
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) throw e;
            }
        }
        knownIndices.add(name);
    }

    private void putTemplate(JsonNode chosen) throws IOException {
        String body = chosen.toString();
        client.indices().putIndexTemplate(r -> r.name(index.templateName())
                .indexPatterns(index.pattern())
                .priority(TEMPLATE_PRIORITY)
                .version(TEMPLATE_VERSION)
                .meta("managed_by", JsonData.of("newswatch index-service"))
                .template(t -> t.withJson(new StringReader(body)).aliases(index.alias(), a -> a)));
    }

    /** Adds new fields to the indices behind the alias; a conflicting change is logged, not fatal. */
    private void updateExistingMappings(JsonNode chosen) throws IOException {
        String mappings = chosen.get("mappings").toString();
        try {
            client.indices().putMapping(r -> r.index(index.alias()).withJson(new StringReader(mappings)));
        } catch (ElasticsearchException e) {
            LOG.warn("existing indices behind {} keep their old mappings: {}", index.alias(),
                    ElasticErrors.describe(e.error()));
        }
    }

    private static JsonNode readTemplate() {
        try (InputStream in = IndexSetup.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (in == null) throw new IllegalStateException(TEMPLATE_RESOURCE + " is missing from the jar");
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE_RESOURCE, e);
        }
    }
}
