package io.newswatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.events.Topic;
import io.newswatch.events.Topics;
import io.newswatch.index.rules.RuleTopics;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks the root {@code docker-compose.yml} (and the {@code Dockerfile} it builds) against the services' own
 * settings and the production rules in the README, without Docker: every {@code NEWSWATCH_*} variable names a real
 * setting, long-running services restart and have a memory limit above their JVM heap, secrets are required, images
 * are pinned, index-service logs into Elasticsearch as a least-privilege user, and every service talks to Kafka over
 * SASL_SSL as its own principal, with ACLs for exactly the topics and groups its code uses.
 *
 * <p>SnakeYAML (under Jackson's YAML module) reads the file because it resolves anchors and {@code <<} merge keys as
 * Compose does. Values are the raw text, before Compose substitutes {@code ${...}}.
 */
class ComposeFileTest {
    /** The services built from the Dockerfile, by build target; each reads {@code TARGET.properties}. */
    private static final Set<String> NEWSWATCH = Set.of("ingest-service", "enrich-service", "index-service");
    /** Heap at most this share of the container's limit: the rest is metaspace, threads, buffers, native libraries. */
    private static final double MAX_HEAP_SHARE = 0.6;
    private static final Pattern REQUIRED_VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):\\?[^}]+}");
    private static final Pattern ANY_VAR = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}"); // $${X}: the container's shell

    private static Path root;
    private static String text;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docker-compose.yml"))) {
            root = root.getParent();
            assertNotNull(root, "docker-compose.yml not found above the working directory");
        }
        text = Files.readString(root.resolve("docker-compose.yml"));
        Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        services = (Map<String, Map<String, Object>>) compose.get("services");
        assertNotNull(services, "no services");
    }

    @Test
    void everyNewswatchVariableNamesASettingOfItsService() throws IOException {
        Map<String, Map<String, String>> dockerfileEnv = dockerfileEnv();
        List<String> problems = new ArrayList<>();
        for (String name : newswatchServices()) {
            String target = target(name);
            Set<String> known = envNames(target);
            Map<String, String> env = new LinkedHashMap<>(dockerfileEnv.getOrDefault(target, Map.of()));
            env.putAll(env(name));
            env.keySet().stream().filter(k -> k.startsWith("NEWSWATCH_")).forEach(k -> {
                boolean passThrough = k.startsWith("NEWSWATCH_KAFKA_CLIENT_") && k.length() > "NEWSWATCH_KAFKA_CLIENT_".length();
                if (!passThrough && !k.equals("NEWSWATCH_CONFIG") && !known.contains(k)) {
                    problems.add(name + ": " + k + " is no setting in " + target + ".properties (it would be ignored)");
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void longRunningServicesRestartAndHaveAMemoryLimitSetupStepsRunOnce() {
        Set<String> oneShot = oneShotServices();
        assertFalse(oneShot.isEmpty(), "expected setup steps (depended on with service_completed_successfully)");
        List<String> problems = new ArrayList<>();
        services.forEach((name, service) -> {
            String restart = String.valueOf(service.get("restart"));
            if (oneShot.contains(name)) {
                if (!restart.equals("no")) problems.add(name + " is a setup step but has restart: " + restart);
            } else {
                if (!Set.of("unless-stopped", "on-failure").contains(restart)) {
                    problems.add(name + " has restart: " + restart + " (want unless-stopped or on-failure)");
                }
                if (memLimit(service) <= 0) problems.add(name + " has no mem_limit");
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyJvmHasAnExplicitHeapWellBelowItsMemoryLimit() {
        List<String> problems = new ArrayList<>();
        services.forEach((name, service) -> {
            String heapVar = heapVariable(service);
            if (heapVar == null) return;
            String opts = env(name).get(heapVar);
            boolean longRunning = !oneShotServices().contains(name);
            if (opts == null) {
                if (longRunning) problems.add(name + " sets no " + heapVar + " (the JVM would size its heap from the host)");
                return;
            }
            Matcher xmx = Pattern.compile("-Xmx(\\d+)([kKmMgG])").matcher(opts);
            if (!xmx.find()) {
                problems.add(name + ": " + heapVar + " has no -Xmx: " + opts);
                return;
            }
            long heap = bytes(xmx.group(1), xmx.group(2));
            long limit = memLimit(service);
            if (limit <= 0) {
                if (longRunning) problems.add(name + " has a heap but no mem_limit");
            } else if (heap > limit * MAX_HEAP_SHARE) {
                problems.add(name + ": -Xmx" + xmx.group(1) + xmx.group(2) + " is more than " + (int) (MAX_HEAP_SHARE * 100)
                        + "% of mem_limit " + service.get("mem_limit"));
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void secretsMustBeGivenNotDefaulted() {
        List<String> problems = new ArrayList<>();
        Matcher m = ANY_VAR.matcher(text);
        while (m.find()) {
            String var = m.group(1);
            boolean secret = var.contains("PASSWORD") || var.endsWith("TOKEN") || var.contains("SECRET");
            if (secret && !m.group(2).startsWith(":?")) problems.add(m.group() + " may be empty: use ${" + var + ":?...}");
        }
        Map<String, String> index = env(serviceBuilding("index-service"));
        for (String key : List.of("NEWSWATCH_API_TOKEN", "NEWSWATCH_ELASTICSEARCH_PASSWORD")) {
            String value = index.getOrDefault(key, "");
            if (!REQUIRED_VAR.matcher(value).matches()) problems.add("index-service " + key + " is not a required variable: " + value);
        }
        for (String name : newswatchServices()) {
            Map<String, String> env = env(name);
            String jaas = env.getOrDefault("NEWSWATCH_KAFKA_CLIENT_SASL_JAAS_CONFIG", "");
            if (!REQUIRED_VAR.matcher(jaas).find()) problems.add(name + ": the Kafka login's password is not a required variable");
            if (!REQUIRED_VAR.matcher(env.getOrDefault("NEWSWATCH_KAFKA_CLIENT_SSL_TRUSTSTORE_PASSWORD", "")).matches()) {
                problems.add(name + ": the truststore password is not a required variable");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void imagesArePinnedToExactVersions() throws IOException {
        List<String> problems = new ArrayList<>();
        services.forEach((name, service) -> {
            Object image = service.get("image");
            if (image == null) {
                if (service.get("build") == null) problems.add(name + " has neither image nor build");
                return;
            }
            String why = unpinned(String.valueOf(image));
            if (why != null) problems.add(name + ": " + image + " " + why);
        });
        Set<String> stages = new TreeSet<>();
        for (String line : Files.readAllLines(root.resolve("Dockerfile"))) {
            Matcher from = Pattern.compile("^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?", Pattern.CASE_INSENSITIVE).matcher(line.trim());
            if (!from.find()) continue;
            String image = from.group(1);
            if (!stages.contains(image)) {
                String why = unpinned(image);
                if (why != null) problems.add("Dockerfile: FROM " + image + " " + why);
            }
            if (from.group(2) != null) stages.add(from.group(2));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void indexServiceUsesALeastPrivilegeElasticsearchUser() throws IOException {
        String index = serviceBuilding("index-service");
        Map<String, String> env = env(index);
        String user = env.getOrDefault("NEWSWATCH_ELASTICSEARCH_USERNAME", "");
        assertFalse(user.isBlank() || user.equals("elastic"), "index-service must not log in as the elastic superuser: '" + user + "'");
        assertFalse(env.containsKey("NEWSWATCH_ELASTICSEARCH_API_KEY"), "one way of logging in");

        // The setup step that creates the user and its role, and index-service waits for it.
        String setup = services.entrySet().stream()
                .filter(e -> user.equals(env(e.getKey()).get("INDEX_ES_USER"))).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("no setup service creates user " + user + " (INDEX_ES_USER)"));
        assertTrue(oneShotServices().contains(setup), setup + " must be a one-shot setup step");
        assertEquals("service_completed_successfully", condition(index, setup), "index-service must wait for " + setup);
        Map<String, String> setupEnv = env(setup);
        assertEquals(env.get("NEWSWATCH_ELASTICSEARCH_PASSWORD"), setupEnv.get("INDEX_ES_PASSWORD"),
                "the setup step sets the password index-service logs in with");
        String command = String.valueOf(services.get(setup).get("command"));
        assertTrue(command.contains("/_security/role/") && command.contains("/_security/user/"), "creates role and user");

        Properties props = properties("index-service");
        String alias = env.getOrDefault("NEWSWATCH_INDEX_ALIAS", props.getProperty("index.alias"));
        String alerts = env.getOrDefault("NEWSWATCH_ALERTS_INDEX", props.getProperty("alerts.index"));
        JsonNode role = new ObjectMapper().readTree(setupEnv.get("INDEX_ES_ROLE"));
        // cluster: GET / and nodes info (monitor), the article and alert index templates (manage_index_templates).
        assertEquals(Set.of("monitor", "manage_index_templates"), strings(role.get("cluster")));
        assertEquals(1, role.get("indices").size(), "one grant for both index families");
        JsonNode grant = role.get("indices").get(0);
        assertEquals(Set.of(alias + "*", alerts + "*"), strings(grant.get("names")));
        // read: search, get, count, points in time; write: bulk index/create, update; create_index: monthly and alert
        // indices; manage: put mapping on existing indices, exists/get, delete (retention) - on these names only.
        assertEquals(Set.of("read", "write", "create_index", "manage"), strings(grant.get("privileges")));
        assertFalse(role.has("run_as") && role.get("run_as").size() > 0, "no run_as");
    }

    @Test
    void kafkaIsSaslSslWithAclsLimitingEachServiceToItsTopicsAndGroups() {
        Map<String, String> kafka = env("kafka");
        for (String entry : kafka.getOrDefault("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "PLAINTEXT:PLAINTEXT").split(",")) {
            String[] nameAndProtocol = entry.trim().split(":");
            assertTrue(nameAndProtocol[0].equals("CONTROLLER") || nameAndProtocol[1].startsWith("SASL_SSL"),
                    "only the controller listener may be without SASL_SSL: " + entry);
        }
        assertTrue(kafka.getOrDefault("KAFKA_ADVERTISED_LISTENERS", "").matches("SASL_SSL://[^,]+"),
                "clients are offered SASL_SSL only: " + kafka.get("KAFKA_ADVERTISED_LISTENERS"));
        assertTrue(kafka.getOrDefault("KAFKA_LISTENERS", "").matches(".*CONTROLLER://(localhost|127\\.0\\.0\\.1):\\d+.*"),
                "the plaintext controller listener is bound to loopback: " + kafka.get("KAFKA_LISTENERS"));
        assertEquals("org.apache.kafka.metadata.authorizer.StandardAuthorizer", kafka.get("KAFKA_AUTHORIZER_CLASS_NAME"));
        assertEquals("false", kafka.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND"));

        String setup = services.keySet().stream().filter(s -> env(s).containsKey("KAFKA_ACLS")).findFirst()
                .orElseThrow(() -> new AssertionError("no Kafka setup step (a service with KAFKA_TOPICS and KAFKA_ACLS)"));
        assertTrue(oneShotServices().contains(setup), setup + " must be a one-shot setup step");
        Map<String, String> setupEnv = env(setup);

        // Topics: created by the setup step as the services would create them.
        List<Topic<?, ?>> all = new ArrayList<>(Topics.all());
        all.addAll(RuleTopics.own());
        Map<String, String> created = new TreeMap<>();
        for (String line : lines(setupEnv.get("KAFKA_TOPICS"))) {
            String[] f = line.split("\\s+");
            created.put(f[0], f[1] + " " + (f.length > 2 ? f[2] : ""));
        }
        Map<String, String> wanted = new TreeMap<>();
        for (Topic<?, ?> t : all) {
            wanted.put(t.name(), t.partitions() + " " + new TreeMap<>(t.config()).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        }
        assertEquals(wanted, created, "KAFKA_TOPICS: name partitions config");

        // ACLs: what each service's code reads, writes and commits as (see the class comment of each consumer).
        Map<String, Set<String>> granted = new TreeMap<>();
        for (String line : lines(setupEnv.get("KAFKA_ACLS"))) {
            String[] f = line.split("\\s+");
            assertEquals(5, f.length, "KAFKA_ACLS line: principal resource-type pattern name operations: " + line);
            for (String op : f[4].split(",")) {
                granted.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[1] + " " + f[2] + " " + f[3] + " " + op);
            }
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        Map<String, String> principals = new TreeMap<>();
        for (String name : newswatchServices()) {
            String target = target(name);
            Map<String, String> env = env(name);
            assertEquals("SASL_SSL", env.get("NEWSWATCH_KAFKA_CLIENT_SECURITY_PROTOCOL"), name);
            assertTrue(Set.of("PLAIN", "SCRAM-SHA-512", "SCRAM-SHA-256").contains(env.get("NEWSWATCH_KAFKA_CLIENT_SASL_MECHANISM")), name);
            assertNotNull(env.get("NEWSWATCH_KAFKA_CLIENT_SSL_TRUSTSTORE_LOCATION"), name + " needs a truststore");
            Matcher user = Pattern.compile("username=\"([^\"]+)\"").matcher(env.getOrDefault("NEWSWATCH_KAFKA_CLIENT_SASL_JAAS_CONFIG", ""));
            assertTrue(user.find(), name + " has no Kafka login");
            String principal = user.group(1);
            String previous = principals.put(principal, name);
            assertTrue(previous == null, principal + " is shared by " + previous + " and " + name);
            expected.put(principal, expectedAcls(target, env));
        }
        for (String principal : principals.keySet()) {
            assertEquals(expected.get(principal), granted.getOrDefault(principal, Set.of()),
                    "ACLs of " + principal + " (" + principals.get(principal) + ")");
        }
        assertEquals(principals.keySet(), granted.keySet(), "ACLs only for the services' principals (admin is a super user)");
        String command = String.valueOf(services.get(kafkaCertsService()).get("command"));
        for (String principal : principals.keySet()) {
            assertTrue(command.contains("user_" + principal + "="), "the broker knows the login of " + principal);
        }
    }

    /**
     * What a service's code does on Kafka: every service checks at start that {@code Topics.all()} exist
     * ({@code KafkaTopics.ensure} lists them, so it needs Describe; Read/Write imply it); the rest per service.
     */
    private static Set<String> expectedAcls(String target, Map<String, String> env) {
        Properties props = properties(target);
        Map<String, Set<String>> topicOps = new TreeMap<>();
        List<Topic<?, ?>> ensured = new ArrayList<>(Topics.all());
        if (target.equals("index-service")) ensured.addAll(RuleTopics.own());
        ensured.forEach(t -> topicOps.computeIfAbsent(t.name(), k -> new TreeSet<>()));
        Set<String> groups = new TreeSet<>();
        Set<String> acls = new TreeSet<>();
        switch (target) {
            case "ingest-service" -> {
                // ArticlePublisher: articles to news.raw, pages it cannot publish to news.dlq.
                add(topicOps, "Write", Topics.RAW, Topics.DLQ);
            }
            case "enrich-service" -> {
                // EnrichTopology: news.raw in, news.enriched out and back in (mention counts), the rules as a global
                // table, alerts and dead letters out; internal topics, group and transactions under the application id.
                add(topicOps, "Read", Topics.RAW, Topics.ENRICHED, Topics.ALERT_RULES);
                add(topicOps, "Write", Topics.ENRICHED, Topics.ALERTS, Topics.DLQ);
                String appId = setting(props, env, "streams.application-id");
                groups.add(appId);
                acls.add("topic prefixed " + appId + " All");
                acls.add("transactional-id prefixed " + appId + " Write");
                acls.add("transactional-id prefixed " + appId + " Describe");
            }
            case "index-service" -> {
                // IndexingLoop (news.enriched), AlertConsumer (news.alerts), RuleView and RuleAudit (both rule topics),
                // RuleStore writes rules and their settings; dead letters from the indexer and the audit.
                add(topicOps, "Read", Topics.ENRICHED, Topics.ALERTS, Topics.ALERT_RULES, RuleTopics.SETTINGS);
                add(topicOps, "Write", Topics.ALERT_RULES, RuleTopics.SETTINGS, Topics.DLQ);
                groups.add(setting(props, env, "consumer.group-id"));
                groups.add(setting(props, env, "alerts.group-id"));
                groups.add(setting(props, env, "rules.audit-group-id"));
            }
            default -> fail("unknown service " + target);
        }
        topicOps.forEach((topic, ops) -> {
            if (ops.isEmpty()) ops.add("Describe");
            ops.forEach(op -> acls.add("topic literal " + topic + " " + op));
        });
        groups.forEach(g -> acls.add("group literal " + g + " Read"));
        return acls;
    }

    private static void add(Map<String, Set<String>> topicOps, String op, Topic<?, ?>... topics) {
        for (Topic<?, ?> t : topics) topicOps.computeIfAbsent(t.name(), k -> new TreeSet<>()).add(op);
    }

    private static String setting(Properties props, Map<String, String> env, String key) {
        return env.getOrDefault(envName(key), props.getProperty(key));
    }

    // --- reading the file ---------------------------------------------------------------------------------

    private static List<String> newswatchServices() {
        return services.keySet().stream().filter(s -> NEWSWATCH.contains(target(s))).sorted().toList();
    }

    private static String serviceBuilding(String target) {
        return newswatchServices().stream().filter(s -> target(s).equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no service builds " + target));
    }

    @SuppressWarnings("unchecked")
    private static String target(String service) {
        Object build = services.get(service).get("build");
        return build instanceof Map<?, ?> map ? String.valueOf(((Map<String, Object>) map).get("target")) : "";
    }

    /** A service's environment (map or list form), values as written. */
    private static Map<String, String> env(String service) {
        Object env = services.get(service).get("environment");
        Map<String, String> out = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (env instanceof List<?> list) {
            list.forEach(item -> {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            });
        }
        return out;
    }

    /** Services others wait for with {@code condition: service_completed_successfully}: they run once. */
    @SuppressWarnings("unchecked")
    private static Set<String> oneShotServices() {
        Set<String> out = new TreeSet<>();
        services.values().forEach(service -> {
            if (service.get("depends_on") instanceof Map<?, ?> deps) {
                ((Map<String, Object>) deps).forEach((dep, cond) -> {
                    if (cond instanceof Map<?, ?> c && "service_completed_successfully".equals(c.get("condition"))) out.add(dep);
                });
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String condition(String service, String dependency) {
        Object deps = services.get(service).get("depends_on");
        if (!(deps instanceof Map<?, ?> map) || !(map.get(dependency) instanceof Map<?, ?> c)) return null;
        return String.valueOf(((Map<String, Object>) c).get("condition"));
    }

    private static String kafkaCertsService() {
        return services.keySet().stream().filter(s -> String.valueOf(services.get(s).get("command")).contains("keytool"))
                .findFirst().orElseThrow(() -> new AssertionError("no step generates the Kafka keystore (keytool)"));
    }

    /** The heap variable of a JVM service, by what it runs; null for other services. */
    private static String heapVariable(Map<String, Object> service) {
        String image = String.valueOf(service.get("image"));
        if (service.get("build") != null) return "JAVA_OPTS"; // the Dockerfile's entrypoint: java $JAVA_OPTS -jar
        if (image.startsWith("apache/kafka:")) return "KAFKA_HEAP_OPTS";
        if (image.contains("/elasticsearch/elasticsearch:")) return "ES_JAVA_OPTS";
        return null;
    }

    private static long memLimit(Map<String, Object> service) {
        Object limit = service.get("mem_limit");
        if (limit == null) return -1;
        Matcher m = Pattern.compile("(\\d+)([kKmMgG])?[bB]?").matcher(String.valueOf(limit).trim());
        if (!m.matches()) return -1;
        return bytes(m.group(1), m.group(2) == null ? "" : m.group(2));
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }

    /** Why an image reference is not pinned, or null: a tag with a full version (or a digest) is wanted. */
    private static String unpinned(String image) {
        if (image.contains("@sha256:")) return null;
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon < slash + 1) return "has no tag";
        String tag = image.substring(colon + 1);
        if (tag.equals("latest")) return "is latest";
        if (!tag.matches("\\d+\\.\\d+\\.\\d+.*")) return "is not an exact version (major.minor.patch)";
        return null;
    }

    private static List<String> lines(String block) {
        assertNotNull(block, "missing");
        return block.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static Set<String> strings(JsonNode array) {
        assertNotNull(array, "missing array");
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(Collectors.toSet());
    }

    // --- the services' settings ---------------------------------------------------------------------------

    private static Properties properties(String target) {
        Path file = root.resolve(target).resolve("src/main/resources").resolve(target + ".properties");
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
        return props;
    }

    /** Environment variables that override a setting: {@code a.b-c} is {@code NEWSWATCH_A_B_C} (as Settings reads them). */
    private static Set<String> envNames(String target) {
        return properties(target).stringPropertyNames().stream().map(ComposeFileTest::envName).collect(Collectors.toSet());
    }

    private static String envName(String key) {
        return "NEWSWATCH_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** ENV lines of the Dockerfile per target stage, including what the stage inherits (FROM runtime). */
    private static Map<String, Map<String, String>> dockerfileEnv() throws IOException {
        Map<String, Map<String, String>> byStage = new HashMap<>();
        String stage = null;
        StringBuilder env = null;
        List<String> lines = Files.readAllLines(root.resolve("Dockerfile"));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            Matcher from = Pattern.compile("^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?", Pattern.CASE_INSENSITIVE).matcher(line);
            if (from.find()) {
                stage = from.group(2);
                Map<String, String> inherited = new LinkedHashMap<>(byStage.getOrDefault(from.group(1), Map.of()));
                if (stage != null) byStage.put(stage, inherited);
                continue;
            }
            if (stage != null && line.startsWith("ENV ")) {
                env = new StringBuilder(line.substring(4));
                while (env.toString().endsWith("\\") && i + 1 < lines.size()) {
                    env.setLength(env.length() - 1);
                    env.append(' ').append(lines.get(++i).trim());
                }
                Matcher kv = Pattern.compile("([A-Z_][A-Z0-9_]*)=(\"[^\"]*\"|\\S*)").matcher(env);
                while (kv.find()) byStage.get(stage).put(kv.group(1), kv.group(2));
            }
        }
        return byStage;
    }
}
