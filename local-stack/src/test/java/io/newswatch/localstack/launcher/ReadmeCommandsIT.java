package io.newswatch.localstack.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's command lines, run through {@code ./newswatch} as a user types them, against the built jars (an
 * integration test: it runs after every jar is packaged). The demo is started through the launcher too, on free
 * ports; the commands that need a running stack use it. Every fenced {@code ./newswatch} line of the README must be
 * run here or listed as skipped with its reason, so a new README line cannot go untested.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmeCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(3);
    /** Micrometer's Kafka binders look for new client metrics once a minute; a clean start includes one look. */
    private static final Duration SETTLE = Duration.ofSeconds(70);

    private static final String EXTRACT = "./newswatch extract [--url URL] page.html page2.html.gz";
    private static final String INGEST = "./newswatch ingest --bootstrap-servers 127.0.0.1:9092 "
            + "https://example.org/article.html";
    private static final String ANNOTATE = "echo '{\"id\":\"1\",\"text\":\"Pashinyan met Aliyev in Abu Dhabi.\"}' "
            + "| ./newswatch annotate";
    private static final String DEAD_LETTERS = "./newswatch dead-letters --topic news.raw --since 2026-11-27T00:00:00Z";
    private static final String REPLAY = DEAD_LETTERS + " --replay";
    /** README lines not run by this test, and why. */
    private static final Map<String, String> SKIPPED = Map.of(
            "./newswatch test", "it is this test suite",
            "./newswatch demo", "not run a second time: this test starts the demo through the launcher first");

    private static Path root;
    private static Path work;
    private static Map<String, String> env;
    private static LauncherRun demo;
    private static long upAt;
    private static String kafka;
    private static String api;
    private static String sampleSite;
    private static final List<String> toolWarnings = new ArrayList<>();

    @BeforeAll
    static void startTheDemoThroughTheLauncher() throws Exception {
        root = repositoryRoot();
        work = Files.createTempDirectory("newswatch-readme-");
        Files.createSymbolicLink(work.resolve("newswatch"), root.resolve("newswatch"));
        env = new LinkedHashMap<>();
        env.put("NEWSWATCH_NO_BUILD", "1");
        for (String port : List.of("KAFKA", "ELASTICSEARCH", "API", "INGEST", "ENRICH", "SAMPLE_SITE")) {
            env.put("NEWSWATCH_" + port + "_PORT", "0");
        }
        demo = LauncherRun.start("./newswatch demo", work, env);
        String up = demo.awaitLine("newswatch is up: ", Duration.ofMinutes(5));
        upAt = System.nanoTime();
        api = up.substring("newswatch is up: ".length()).strip();
        kafka = group(demo.awaitLine("newswatch: Kafka ready at ", Duration.ZERO), "ready at (\\S+)");
        sampleSite = group(demo.awaitLine("newswatch: ingesting the sample site ", Duration.ZERO),
                "(http://[^/]+)/");
    }

    @AfterAll
    static void stopTheDemo() throws Exception {
        if (demo != null) demo.close();
        if (work != null) {
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void shellcheckFindsNothingInTheScripts() throws Exception {
        String shellcheck = System.getenv().getOrDefault("NEWSWATCH_SHELLCHECK", "/usr/bin/shellcheck");
        assertTrue(Files.isExecutable(Path.of(shellcheck)),
                shellcheck + " is missing: scripts/ensure-test-tools installs it (apt-get install shellcheck)");
        List<String> scripts = new ArrayList<>(List.of("newswatch", ".ci/run"));
        try (var files = Files.list(root.resolve("scripts"))) {
            files.map(f -> "scripts/" + f.getFileName()).sorted().forEach(scripts::add);
        }
        LauncherRun lint = LauncherRun.run(shellcheck + " " + String.join(" ", scripts), root, Map.of(), TOOL_TIMEOUT);
        assertEquals(0, lint.exitCode(), lint.transcript());
    }

    @Test
    @Order(2)
    void everyReadmeCommandLineIsRunHereOrSkippedWithAReason() throws IOException {
        Set<String> known = new TreeSet<>(SKIPPED.keySet());
        known.addAll(List.of(EXTRACT, INGEST, ANNOTATE, DEAD_LETTERS, REPLAY));
        Set<String> unknown = new TreeSet<>(ReadmeCommands.in(root.resolve("README.md")));
        unknown.removeAll(known);
        assertEquals(Set.of(), unknown, "README command lines this test does not run: run them in ReadmeCommandsIT "
                + "or add them to SKIPPED with the reason");
    }

    @Test
    @Order(3)
    void helpAndEachToolReachTheirOwnCommand() throws Exception {
        assertTrue(tool("./newswatch help").stdout().stream().anyMatch(l -> l.contains("./newswatch annotate")));
        Map<String, String> usage = Map.of(
                "./newswatch ingest --help", "Usage: ingest-service ingest",
                "./newswatch dead-letters --help", "Usage: index-service dead-letters",
                "./newswatch annotate --help", "Usage: enrich-service annotate",
                "./newswatch index-service --help", "Usage: index-service ",
                "./newswatch enrich-service --help", "Usage: enrich-service ",
                "./newswatch ingest-service --help", "Usage: ingest-service ");
        for (var command : usage.entrySet()) {
            LauncherRun run = tool(command.getKey());
            assertTrue(run.stdout().stream().anyMatch(l -> l.startsWith(command.getValue())), run.transcript());
        }
        LauncherRun unknown = LauncherRun.run("./newswatch frobnicate", work, env, TOOL_TIMEOUT);
        assertEquals(1, unknown.exitCode(), unknown.transcript());
        assertTrue(unknown.stderr().contains("newswatch: unknown command 'frobnicate'"), unknown.transcript());
    }

    @Test
    @Order(4)
    void extractReadsSavedPagesNamedRelativeToTheCallersDirectory() throws Exception {
        String page = get(sampleSite + "/articles/lachin-border-demarcation.html");
        Files.writeString(work.resolve("page.html"), page);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(work.resolve("page2.html.gz")))) {
            out.write(get(sampleSite + "/articles/middle-corridor-rail.html").getBytes(StandardCharsets.UTF_8));
        }
        // The optional [--url URL] is left out, as a user does who has no URL for a saved page.
        LauncherRun run = tool(EXTRACT.replace(" [--url URL]", ""));
        List<JsonNode> lines = jsonLines(run);
        assertEquals(List.of("page.html", "page2.html.gz"), lines.stream().map(l -> l.path("file").asText()).toList());
        for (JsonNode article : lines) {
            assertFalse(article.path("title").asText().isBlank(), article.toString());
            assertTrue(article.path("text").asText().length() > 500, article.toString());
            assertEquals("en", article.path("language").asText(), article.toString());
        }
        assertTrue(lines.get(0).path("text").asText().contains("Tavush"), lines.get(0).toString());
    }

    @Test
    @Order(5)
    void annotateLinksTheReadmeExampleToIds() throws Exception {
        JsonNode line = jsonLines(tool(ANNOTATE)).get(0);
        assertEquals("1", line.path("id").asText());
        Map<String, JsonNode> byText = new LinkedHashMap<>();
        line.path("entities").forEach(e -> byText.put(e.path("text").asText(), e));
        assertEquals(Set.of("Pashinyan", "Aliyev", "Abu Dhabi"), byText.keySet(), line.toString());
        assertEquals("PERSON", byText.get("Pashinyan").path("type").asText());
        assertEquals("LOCATION", byText.get("Abu Dhabi").path("type").asText());
        byText.values().forEach(e -> assertFalse(e.path("canonicalId").asText().isBlank(), e.toString()));
    }

    @Test
    @Order(6)
    void ingestPublishesAPageThatTheDemoIndexes() throws Exception {
        String url = sampleSite + "/articles/putin-baku-peace-process.html";
        LauncherRun run = tool(INGEST.replace("127.0.0.1:9092", kafka).replace("https://example.org/article.html", url));
        JsonNode line = jsonLines(run).get(0);
        assertEquals("published", line.path("status").asText(), run.transcript());
        assertEquals(200, status(api + "/api/articles/" + line.path("id").asText()), "the article is in the archive");
    }

    @Test
    @Order(7)
    void aCleanStartOfTheDemoAndTheToolsLogsNoWarning() throws Exception {
        long settled = upAt + SETTLE.toNanos();
        while (System.nanoTime() < settled) Thread.sleep(500);
        assertEquals(List.of(), demo.warnings(), "the demo's output:\n" + demo.transcript());
        synchronized (toolWarnings) {
            assertEquals(List.of(), toolWarnings, "warnings of the tools run above");
        }
    }

    @Test
    @Order(8)
    void deadLettersListsWhatWasParkedAndReplaysIt() throws Exception {
        String key = "readme-poison-" + System.nanoTime();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("news.raw", key, "{\"schemaVersion\": 1, \"id\": ")).get();
        }
        Map<String, String> toDemo = new LinkedHashMap<>(env);
        toDemo.put("NEWSWATCH_KAFKA_BOOTSTRAP_SERVERS", kafka);
        Function<String, Long> parked = command -> {
            try {
                LauncherRun run = LauncherRun.run(command, work, toDemo, TOOL_TIMEOUT);
                assertEquals(0, run.exitCode(), run.transcript());
                return jsonLines(run).stream().filter(l -> key.equals(l.path("key").asText())).count();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        assertEquals(1L, awaitCount(() -> parked.apply(DEAD_LETTERS), 1), "parked once by enrich-service");
        assertEquals(1L, parked.apply(REPLAY), "replay selects the parked record");
        assertEquals(2L, awaitCount(() -> parked.apply(DEAD_LETTERS), 2), "the replayed record fails again and is "
                + "parked again, with its new reason");
    }

    private static long awaitCount(java.util.function.Supplier<Long> count, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long seen = count.get();
        while (seen < expected && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            seen = count.get();
        }
        return seen;
    }

    /** Runs a tool through the launcher; it must succeed, and its warnings are kept for the clean-start check. */
    private static LauncherRun tool(String commandLine) throws Exception {
        LauncherRun run = LauncherRun.run(commandLine, work, env, TOOL_TIMEOUT);
        assertEquals(0, run.exitCode(), run.transcript());
        synchronized (toolWarnings) {
            run.warnings().forEach(w -> toolWarnings.add(commandLine + ": " + w));
        }
        return run;
    }

    private static List<JsonNode> jsonLines(LauncherRun run) {
        return run.stdout().stream().filter(l -> !l.isBlank()).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + l + "\n" + run.transcript(), e);
            }
        }).collect(Collectors.toList());
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url);
        return response.body();
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String group(String line, String regex) {
        Matcher m = Pattern.compile(regex).matcher(line);
        assertTrue(m.find(), line);
        return m.group(1);
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("newswatch")) && Files.isRegularFile(dir.resolve("README.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no ./newswatch above " + Path.of("").toAbsolutePath());
    }
}
