package io.newswatch.index.cli;

import io.newswatch.events.EventJson;
import io.newswatch.index.IndexConfig;
import io.newswatch.index.elastic.ArticleIndex;
import io.newswatch.index.elastic.ClusterCapabilities;
import io.newswatch.index.elastic.ElasticConnection;
import io.newswatch.index.elastic.ElasticErrors;
import io.newswatch.index.elastic.IndexSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code setup}: installs the index template and the current month's index, prints one JSON line
 * saying what was installed, and exits (1 when Elasticsearch cannot be reached).
 */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = "Installs the index template and the current month's index in Elasticsearch, then exits.")
final class SetupCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        IndexConfig config = IndexConfig.load();
        ArticleIndex index = new ArticleIndex(config.alias());
        try (ElasticConnection elastic = ElasticConnection.open(config.elasticsearch())) {
            ClusterCapabilities capabilities = new IndexSetup(elastic.client(), index, Clock.systemUTC()).run();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("template", index.templateName());
            result.put("pattern", index.pattern());
            result.put("alias", index.alias());
            result.put("versions", capabilities.versions());
            result.put("analysisCommon", capabilities.analysisCommon());
            System.out.println(new String(EventJson.write(result), StandardCharsets.UTF_8));
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("setup failed: " + ElasticErrors.describe(e));
            return 1;
        }
    }
}
