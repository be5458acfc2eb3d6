package io.newswatch.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * enrich-service and index-service as JVMs of their own, from the shaded jars the build writes to
 * {@code MODULE/target/MODULE.jar} (found from the working directory or its parents, or in the directory
 * named by {@code -Dnewswatch.jars}).
 */
final class ServiceJvms {
    /** Heap of each service JVM. */
    static final String HEAP = "1g";
    private static final Pattern RULES_GAUGE = Pattern.compile("(?m)^newswatch_enrich_rules\\S*\\s+([0-9.]+)");

    private ServiceJvms() {}

    /**
     * enrich-service against {@code bootstrap}, its Kafka Streams state in {@code stateDir}.
     *
     * @param extraEnv further {@code NEWSWATCH_*} settings
     */
    static ServiceProcess enrich(String bootstrap, Path stateDir, Path logDir, Map<String, String> extraEnv) {
        return ServiceProcess.of("enrich-service", jar("enrich-service"), env(extraEnv,
                "NEWSWATCH_KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "NEWSWATCH_STREAMS_STATE_DIR", stateDir.toString()), HEAP, logDir);
    }

    /**
     * index-service against {@code bootstrap} and the Elasticsearch node at {@code elasticsearchUrl}, its webhooks
     * allowed to reach this machine.
     *
     * @param extraEnv further {@code NEWSWATCH_*} settings
     */
    static ServiceProcess index(String bootstrap, String elasticsearchUrl, Path logDir, Map<String, String> extraEnv) {
        return ServiceProcess.of("index-service", jar("index-service"), env(extraEnv,
                "NEWSWATCH_KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "NEWSWATCH_ELASTICSEARCH_URL", elasticsearchUrl,
                "NEWSWATCH_OUTBOUND_ALLOW", "loopback"), HEAP, logDir); // the tests' webhook receivers are local
    }

    /**
     * Waits until enrich-service's gauge counts {@code expected} alert rules: rules reach it through a global
     * table a moment after the API accepted them.
     */
    static void awaitRulesLoaded(ServiceProcess enrich, int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = enrich.metrics();
                Matcher m = RULES_GAUGE.matcher(last);
                if (m.find() && Double.parseDouble(m.group(1)) >= expected) return;
            } catch (java.io.IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("enrich-service did not load " + expected + " rules within " + timeout + ": "
                + last.lines().filter(l -> l.contains("rules")).toList());
    }

    private static Map<String, String> env(Map<String, String> extra, String... pairs) {
        Map<String, String> env = new HashMap<>(extra);
        for (int i = 0; i < pairs.length; i += 2) env.put(pairs[i], pairs[i + 1]);
        return env;
    }

    /**
     * The shaded jar of {@code module}.
     *
     * @throws IllegalStateException naming where it looked, when the jar is not built
     */
    static Path jar(String module) {
        String name = module + ".jar";
        String configured = System.getProperty("newswatch.jars");
        if (configured != null) return existing(Path.of(configured).resolve(name), module);
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve(module).resolve("target").resolve(name);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException(name + " not found in " + module + "/target under "
                + Path.of("").toAbsolutePath() + " or its parents: build it first (mvn -B package -pl " + module
                + ") or point -Dnewswatch.jars at a directory holding it");
    }

    private static Path existing(Path jar, String module) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build " + module + " first (mvn -B package)");
        }
        return jar;
    }
}
