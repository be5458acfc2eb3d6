package io.newswatch.index.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.PluginStats;
import co.elastic.clients.elasticsearch.nodes.NodesInfoResponse;
import co.elastic.clients.elasticsearch.nodes.info.NodeInfo;
import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * What the cluster offers that the index could use. The local integ-test distribution has only
 * the core modules; the full distribution adds {@code analysis-common} (language analyzers,
 * stemmers, folding), which {@link LanguageAnalysis} uses when it is there.
 *
 * @param versions       Elasticsearch versions of the nodes
 * @param analysisCommon every node has the {@code analysis-common} module
 */
public record ClusterCapabilities(List<String> versions, boolean analysisCommon) {
    static final String ANALYSIS_COMMON = "analysis-common";

    public ClusterCapabilities {
        versions = List.copyOf(versions);
    }

    /** Asks the cluster which modules its nodes run ({@code GET _nodes/plugins}). */
    public static ClusterCapabilities detect(ElasticsearchClient client) throws IOException {
        NodesInfoResponse info = client.nodes().info(r -> r.metric("plugins"));
        Collection<NodeInfo> nodes = info.nodes().values();
        boolean common = !nodes.isEmpty() && nodes.stream().allMatch(ClusterCapabilities::hasAnalysisCommon);
        return new ClusterCapabilities(nodes.stream().map(NodeInfo::version).distinct().toList(), common);
    }

    /** How text is analysed, for the start-up log. */
    public String analysis() {
        return LanguageAnalysis.describe(analysisCommon);
    }

    private static boolean hasAnalysisCommon(NodeInfo node) {
        List<PluginStats> modules = node.modules() == null ? List.of() : node.modules();
        return modules.stream().anyMatch(m -> ANALYSIS_COMMON.equals(m.name()));
    }
}
