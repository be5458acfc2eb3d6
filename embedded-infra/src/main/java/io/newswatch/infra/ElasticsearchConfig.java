package io.newswatch.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code elasticsearch.yml} of a small, quiet, single-node, loopback-only node. Settings of
 * modules the distribution lacks are left out (Elasticsearch rejects unknown settings): the
 * integ-test distribution has no geoip or machine learning, a full one may.
 */
final class ElasticsearchConfig {

    private ElasticsearchConfig() {
    }

    /**
     * Returns the YAML text.
     *
     * @param home the (copied) distribution, to see which modules it has
     * @param workDir where the data and logs directories are
     * @param securityOn whether to turn security on (with TLS off)
     */
    static String render(Path home, Path workDir, String host, int httpPort, int transportPort,
            boolean securityOn) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("cluster.name", "newswatch-embedded");
        settings.put("node.name", "newswatch-embedded-es");
        settings.put("network.host", host);
        settings.put("http.port", httpPort);
        settings.put("transport.port", transportPort);
        settings.put("discovery.type", "single-node");
        settings.put("path.data", workDir.resolve("data").toString());
        settings.put("path.logs", workDir.resolve("logs").toString());
        settings.put("action.destructive_requires_name", false);
        settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        moduleSettings(home, securityOn, settings);
        return settings.entrySet().stream()
                .map(e -> e.getKey() + ": " + yaml(e.getValue()))
                .collect(Collectors.joining("\n", "# Written by newswatch embedded-infra\n", "\n"));
    }

    private static void moduleSettings(Path home, boolean securityOn, Map<String, Object> settings) {
        if (hasModule(home, "x-pack-security")) {
            settings.put("xpack.security.enabled", securityOn);
            if (securityOn) {
                settings.put("xpack.security.http.ssl.enabled", false);
                settings.put("xpack.security.transport.ssl.enabled", false);
            }
        } else if (securityOn) {
            throw new EmbeddedInfraException("Security was requested but " + home
                    + " has no x-pack-security module");
        }
        if (hasModule(home, "ingest-geoip")) {
            settings.put("ingest.geoip.downloader.enabled", false);
        }
        if (hasModule(home, "x-pack-ml")) {
            settings.put("xpack.ml.enabled", false);
        }
    }

    private static boolean hasModule(Path home, String module) {
        return Files.isDirectory(home.resolve("modules").resolve(module));
    }

    private static String yaml(Object value) {
        if (value instanceof String) {
            return "\"" + ((String) value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(value);
    }
}
