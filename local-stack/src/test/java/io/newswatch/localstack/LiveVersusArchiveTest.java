package io.newswatch.localstack;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same rule live and over the archive: rules covering every operator and field are created through the
 * API, a corpus flows through the stream, and for each rule the articles alerted live (news.alerts) are
 * exactly the articles {@code GET /api/rules/{id}/matches} finds in Elasticsearch.
 */
@ExtendWith(EmbeddedInfraExtension.class)
class LiveVersusArchiveTest {
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Pattern RULES_GAUGE = Pattern.compile("(?m)^newswatch_enrich_rules\\S*\\s+([0-9.]+)");

    /** Name and query; together they use every operator and every field a rule can name. */
    static final Map<String, String> RULES = new LinkedHashMap<>();

    static {
        RULES.put("phrase", "\"peace treaty\"");
        RULES.put("and", "Armenia AND Azerbaijan");
        RULES.put("or", "Tbilisi OR Yerevan");
        RULES.put("not", "Armenia NOT Russia");
        RULES.put("and-not", "border AND NOT demarcation");
        RULES.put("grouping", "\"peace treaty\" AND (Armenia OR Azerbaijan)");
        RULES.put("proximity", "\"border demarcation\"~5");
        RULES.put("wildcard", "sanction*");
        // Terms without an operator must all be in one field (Elasticsearch's multi-field semantics): the
        // article with Putin in its title and "corridor" in its text is not a match, the one with both in
        // its text is.
        RULES.put("implicit-and-one-field", "Putin corridor");
        RULES.put("implicit-and-real-news", "Apple iPhone");
        RULES.put("title", "title:Putin");
        RULES.put("text", "text:corridor");
        RULES.put("title-wildcard-or-text-phrase", "title:protest* OR text:\"riot police\"");
        RULES.put("source", "source:azatutyun.am");
        RULES.put("source-real-news", "source:www.wsj.com OR source:www.nytimes.com");
        RULES.put("lang", "lang:ru");
        RULES.put("lang-and-term", "lang:en AND Azerbaijan");
        RULES.put("entity-name", "entity:Pashinyan");
        RULES.put("entity-id", "entity:Q7035479");
        RULES.put("entity-ids-field", "entityIds:Q399");
        RULES.put("topic", "topic:border-delimitation");
        RULES.put("topic-or-phrase", "topic:peace-process OR \"мирный договор\"");
        RULES.put("nothing", "\"quantum marmalade zyzzyva\"");
    }

    @TempDir
    static Path workDir;
    static EmbeddedKafka kafka;
    static Pipeline pipeline;
    static Map<String, String> ruleIds = new LinkedHashMap<>();
    static int articles;

    @BeforeAll
    static void feedTheCorpus(EmbeddedKafka broker, EmbeddedElasticsearch elasticsearch) throws Exception {
        kafka = broker;
        int enrichPort = freePort();
        pipeline = Pipeline.startWithoutIngest(broker.bootstrapServers(), elasticsearch.httpUrl(),
                new Pipeline.Ports("127.0.0.1", 0, 0, enrichPort, 0), workDir);
        RulesApi api = new RulesApi(pipeline.apiUrl());
        for (Map.Entry<String, String> rule : RULES.entrySet()) {
            ruleIds.put(rule.getKey(), api.create(rule.getKey(), rule.getValue()));
        }
        awaitRulesLoaded("http://127.0.0.1:" + enrichPort + "/metrics", RULES.size());

        List<RawArticle> corpus = RuleCorpus.all();
        publish(corpus);
        pipeline.startIngest();
        articles = corpus.size() + pipeline.site().articleCount();
        awaitDrained();
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) pipeline.close();
    }

    @Test
    void everyRuleAlertsLiveOnExactlyTheArticlesItFindsInTheArchive() throws Exception {
        Map<String, Set<String>> live = AlertsTopic.articlesByRule(kafka.bootstrapServers());
        RulesApi api = new RulesApi(pipeline.apiUrl());
        List<Executable> checks = new java.util.ArrayList<>();
        for (Map.Entry<String, String> rule : ruleIds.entrySet()) {
            Set<String> alerted = new TreeSet<>(live.getOrDefault(rule.getValue(), Set.of()));
            Set<String> archived = new TreeSet<>(api.archiveMatches(rule.getValue()));
            checks.add(() -> assertEquals(archived, alerted, "rule " + rule.getKey() + " " + RULES.get(rule.getKey())
                    + ": archive matches (expected) vs live alerts (actual)"));
        }
        assertAll(checks);
    }

    @Test
    void everyRuleButTheEmptyOneMatchesSomething() throws Exception {
        RulesApi api = new RulesApi(pipeline.apiUrl());
        for (Map.Entry<String, String> rule : ruleIds.entrySet()) {
            int matches = api.archiveMatches(rule.getValue()).size();
            if (rule.getKey().equals("nothing")) {
                assertEquals(0, matches, "the rule that matches nothing");
            } else {
                assertTrue(matches > 0 && matches < articles, "rule " + rule.getKey() + " " + RULES.get(rule.getKey())
                        + " tells articles apart: " + matches + " of " + articles);
            }
        }
        assertFalse(AlertsTopic.articlesByRule(kafka.bootstrapServers()).containsKey(ruleIds.get("nothing")));
    }

    private static void publish(List<RawArticle> corpus) throws Exception {
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024),
                Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
            for (RawArticle article : corpus) {
                producer.send(new ProducerRecord<>(Topics.RAW.name(), article.id(), article));
            }
            producer.flush();
        }
    }

    /** Every article enriched, indexed and searchable; every alert consumed by index-service. */
    private static void awaitDrained() throws Exception {
        String bootstrap = kafka.bootstrapServers();
        new SearchProbe(pipeline.apiUrl()).awaitTotal("*", articles, WAIT);
        KafkaProgress.awaitConsumed(bootstrap, "newswatch-enrich", Topics.RAW.name(), WAIT);
        KafkaProgress.awaitConsumed(bootstrap, "newswatch-index", Topics.ENRICHED.name(), WAIT);
        KafkaProgress.awaitConsumed(bootstrap, "newswatch-alerts", Topics.ALERTS.name(), WAIT);
    }

    /** Rules reach enrich-service through a global table: wait until its gauge counts all of them. */
    private static void awaitRulesLoaded(String metricsUrl, int expected) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(WAIT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            last = http.send(HttpRequest.newBuilder(URI.create(metricsUrl)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = RULES_GAUGE.matcher(last);
            if (m.find() && Double.parseDouble(m.group(1)) >= expected) return;
            Thread.sleep(200);
        }
        throw new AssertionError("enrich-service did not load " + expected + " rules: " + last.lines()
                .filter(l -> l.contains("rules")).toList());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
