package io.newswatch.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Topics;
import io.newswatch.infra.EmbeddedElasticsearch;
import io.newswatch.infra.EmbeddedInfraExtension;
import io.newswatch.infra.EmbeddedKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The web UI in a real headless Chromium against the whole pipeline (sample site ingested): search with
 * highlights, facets and the coverage chart; filter by an entity facet; the article view with entities
 * marked; a rule created, tested, edited and deleted on the alerts page, whose alert appears in the live feed;
 * markup in an article shown as text everywhere.
 *
 * <p>With {@code -Dnewswatch.screenshot=FILE} it also writes a screenshot of the search page with results
 * ({@code scripts/screenshot} makes the README's).
 */
@ExtendWith({Browser.Required.class, EmbeddedInfraExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiBrowserTest {
    private static final Duration PIPELINE_WAIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED_TITLE =
            "Moscow Is Ready To Get Involved In Azerbaijan-Armenia Peace Process, Putin Says";
    /** Nikol Pashinyan in the gazetteer; the seed spells him Pashinian, other sample articles Pashinyan. */
    private static final String PASHINYAN = "Q7035479";
    /** A new article whose title and text hold markup, which every page must show as text. */
    private static final String HOSTILE_TITLE = "New Syunik highway section opens <b>to traffic</b>";
    private static final String HOSTILE_TEXT = "The <img src=x onerror=\"document.title='owned'\"> Syunik highway "
            + "section between Goris & Kapan <script>alert(1)</script> opened on Tuesday, officials said.";
    private static final Pattern RULES_GAUGE = Pattern.compile("(?m)^newswatch_enrich_rules\\S*\\s+([0-9.]+)");

    @TempDir
    static Path workDir;
    static EmbeddedKafka kafka;
    static Pipeline pipeline;
    static Browser browser;
    static int enrichPort;

    /** On a failure: a screenshot and the page's HTML under target/browser-failures, to see what the user saw. */
    @RegisterExtension
    final TestWatcher failureReport = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser == null) return;
            Path dir = Path.of("target", "browser-failures");
            String name = context.getRequiredTestMethod().getName();
            try {
                browser.screenshot(dir.resolve(name + ".png"));
                Files.writeString(dir.resolve(name + ".html"), browser.pageSource());
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    };

    @BeforeAll
    static void startPipelineAndBrowser(EmbeddedKafka broker, EmbeddedElasticsearch elasticsearch) throws Exception {
        kafka = broker;
        enrichPort = freePort();
        pipeline = Pipeline.start(broker.bootstrapServers(), elasticsearch.httpUrl(),
                new Pipeline.Ports("127.0.0.1", 0, 0, enrichPort, 0), workDir);
        new SearchProbe(pipeline.apiUrl()).awaitTotal("*", pipeline.site().articleCount(), PIPELINE_WAIT);
        browser = Browser.start(pipeline.apiUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (pipeline != null) pipeline.close();
    }

    @Test
    @Order(1)
    void searchingPeaceTreatyShowsTheSeedWithHighlightsFacetsAndTheChart() throws Exception {
        browser.open("/");
        WebElement query = browser.await("the query box", d -> d.findElement(By.id("q")));
        query.sendKeys("\"peace treaty\"", Keys.ENTER);

        WebElement seed = browser.await("the seed article among the hits for \"peace treaty\"", d ->
                d.findElement(By.id("status")).getText().endsWith("for \"peace treaty\"") ? hitTitled(SEED_TITLE).orElse(null)
                        : null);
        String marked = seed.findElements(By.tagName("mark")).stream().map(WebElement::getText)
                .collect(Collectors.joining(" ")).toLowerCase();
        assertTrue(marked.contains("peace") && marked.contains("treaty"), "highlighted: '" + marked + "'");
        assertTrue(browser.currentUrl().contains("q=%22peace+treaty%22"), "the search is in the URL: " + browser.currentUrl());
        assertFalse(browser.findAll(By.cssSelector("#facet-entity button")).isEmpty(), "entity facets");
        assertFalse(browser.findAll(By.cssSelector("#histogram svg rect.bar")).isEmpty(), "coverage chart bars");
        assertTrue(browser.find(By.id("export-csv")).getDomProperty("href").contains("format=csv&q="), "export link");
        assertFalse(seed.findElements(By.cssSelector(".chips button")).isEmpty(), "entity chips on the hit");

        Optional<String> screenshot = Optional.ofNullable(System.getProperty("newswatch.screenshot")).filter(s -> !s.isBlank());
        if (screenshot.isPresent()) browser.screenshot(Path.of(screenshot.get()));
    }

    @Test
    @Order(2)
    void filteringByPashinyansEntityFacetFindsHimUnderEverySpelling() throws Exception {
        Set<String> expected = titles(apiGet("/api/search?size=100&entity=" + PASHINYAN));
        assertTrue(expected.contains(SEED_TITLE) && expected.size() >= 2, "the API finds him: " + expected);

        browser.open("/");
        browser.await("Pashinyan in the entity facet", d ->
                d.findElement(By.cssSelector("#facet-entity button[data-key='" + PASHINYAN + "']"))).click();

        browser.await("the hits filtered to Pashinyan, " + expected, d -> expected.equals(shownTitles()) ? true : null);
        assertTrue(browser.currentUrl().contains("entity=" + PASHINYAN), browser.currentUrl());
        assertTrue(browser.find(By.id("filters")).getText().contains("Nikol Pashinyan"), "the filter chip names him");
    }

    @Test
    @Order(3)
    void theArticleViewMarksItsEntitiesAndLinksThemToTheKnowledgeBase() {
        browser.open("/?entity=" + PASHINYAN);
        browser.await("the seed in the hits", d -> hitTitled(SEED_TITLE).orElse(null))
                .findElement(By.cssSelector("a.title")).click();

        WebElement mention = browser.await("Pashinian marked in the text", d ->
                d.findElement(By.cssSelector("#text a.mention[data-entity='" + PASHINYAN + "']")));
        assertEquals("Pashinian", mention.getText(), "marked as the article spells him");
        assertEquals("https://www.wikidata.org/wiki/" + PASHINYAN, mention.getDomProperty("href"));
        assertFalse(browser.findAll(By.cssSelector("h1 .mention")).isEmpty(), "Putin marked in the title");
        assertTrue(browser.findAll(By.cssSelector("#entities a")).stream()
                .anyMatch(a -> a.getDomProperty("href").endsWith("/?entity=" + PASHINYAN)), "a search-by-entity link");
        assertTrue(browser.find(By.id("text")).getText().contains("peace treaty between Azerbaijan and Armenia"));
        List<WebElement> tones = browser.findAll(By.cssSelector("#entities .entity-sentiment"));
        assertFalse(tones.isEmpty(), "the sentiment toward each entity is shown");
        assertTrue(tones.get(0).getDomAttribute("title").startsWith("sentiment toward it: "), tones.get(0).getDomAttribute("title"));
    }

    @Test
    @Order(4)
    void aRuleIsCreatedTestedEditedAndDeletedOnTheAlertsPageAndItsAlertArrivesLive() throws Exception {
        browser.open("/alerts.html");
        browser.await("the live feed connected", d -> "live".equals(d.findElement(By.id("live")).getText()));
        browser.find(By.id("name")).sendKeys("Syunik road");
        browser.find(By.id("query")).sendKeys("\"Syunik highway");
        browser.find(By.id("save")).click();
        String error = browser.await("the query's error next to it", d -> nonEmpty(d.findElement(By.id("query-error")).getText()));
        assertTrue(error.contains("column"), "says where the query is wrong: " + error);
        assertEquals("true", browser.find(By.id("query")).getDomAttribute("aria-invalid"));

        WebElement query = browser.find(By.id("query"));
        query.clear();
        query.sendKeys("\"Syunik highway\"");
        browser.find(By.id("dry-run")).click();
        browser.await("the dry run over the archive", d -> d.findElement(By.id("dry-run-result")).getText()
                .contains("No article in the archive matches"));
        browser.find(By.id("save")).click();
        WebElement rule = ruleNamed("Syunik road");
        rule.findElement(By.xpath(".//button[text()='test']")).click();
        browser.await("the rule tested over the archive", d -> rule.getText().contains("No article in the archive matches"));

        rule.findElement(By.xpath(".//button[text()='edit']")).click();
        WebElement name = browser.find(By.id("name"));
        assertEquals("Syunik road", name.getDomProperty("value"), "the form holds the rule");
        name.sendKeys(" watch");
        browser.find(By.id("save")).click();
        ruleNamed("Syunik road watch");

        awaitEnrichRules(1);
        publish(HOSTILE_TITLE, HOSTILE_TEXT);
        WebElement alert = browser.await("the alert in the live feed", PIPELINE_WAIT, d ->
                d.findElements(By.cssSelector("#alerts li")).stream()
                        .filter(li -> li.getText().contains(HOSTILE_TITLE)).findFirst().orElse(null));
        assertTrue(alert.getText().contains("Syunik road watch"), alert.getText());
        assertTrue(alert.findElements(By.tagName("b")).isEmpty(), "the title's markup is shown as text");

        ruleNamed("Syunik road watch").findElement(By.xpath(".//button[text()='delete']")).click();
        browser.acceptConfirmation();
        browser.await("the rule gone from the list", d -> d.findElement(By.id("rules")).getText().contains("No rules yet"));
    }

    @Test
    @Order(5)
    void markupInAnArticleIsShownAsTextInResultsAndTheArticleView() throws Exception {
        // The alert can come before the article is indexed (two consumers of enrich-service's output).
        new SearchProbe(pipeline.apiUrl()).awaitTotal("\"Syunik highway\"", 1, PIPELINE_WAIT);
        browser.open("/?q=" + URLEncoder.encode("\"Syunik highway\"", StandardCharsets.UTF_8));
        WebElement hit = browser.await("the hostile article among the hits", d -> hitTitled(HOSTILE_TITLE).orElse(null));
        assertTrue(hit.findElements(By.cssSelector("b, img")).isEmpty(), "no element from the article's text");
        assertTrue(hit.findElement(By.className("snippet")).getText().contains("<img"), "the snippet shows the text");

        hit.findElement(By.cssSelector("a.title")).click();
        WebElement text = browser.await("the article view", d -> nonEmpty(d.findElement(By.id("text")).getText()) == null
                ? null : d.findElement(By.id("text")));
        assertTrue(text.getText().contains("<img src=x"), text.getText());
        assertTrue(browser.findAll(By.cssSelector("article b, article img")).isEmpty(), "no element from the article");
        assertEquals(HOSTILE_TITLE, browser.find(By.cssSelector("h1")).getText());
    }

    /** The rule of that name in the list, once it is there. */
    private static WebElement ruleNamed(String name) {
        return browser.await("the rule '" + name + "' in the list", d -> d.findElements(By.cssSelector("#rules li.rule"))
                .stream().filter(li -> li.findElement(By.tagName("strong")).getText().equals(name)).findFirst()
                .orElse(null));
    }

    private static Optional<WebElement> hitTitled(String title) {
        return browser.findAll(By.cssSelector("#hits li.hit")).stream()
                .filter(li -> title.equals(li.findElement(By.cssSelector("a.title")).getText())).findFirst();
    }

    private static Set<String> shownTitles() {
        return browser.findAll(By.cssSelector("#hits li.hit a.title")).stream().map(WebElement::getText)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> titles(JsonNode page) {
        Set<String> titles = new TreeSet<>();
        page.path("hits").forEach(hit -> titles.add(hit.path("title").asText()));
        return titles;
    }

    private static String nonEmpty(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static JsonNode apiGet(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(pipeline.apiUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /** Rules reach enrich-service through a global table: an article published before it has the rule raises nothing. */
    private static void awaitEnrichRules(int expected) {
        HttpClient http = HttpClient.newHttpClient();
        URI metrics = URI.create("http://127.0.0.1:" + enrichPort + "/metrics");
        new FluentWait<>(metrics).withTimeout(PIPELINE_WAIT).pollingEvery(Duration.ofMillis(200))
                .ignoring(IOException.class).withMessage("enrich-service to load " + expected + " rule(s)")
                .until(uri -> {
                    try {
                        Matcher m = RULES_GAUGE.matcher(http.send(HttpRequest.newBuilder(uri).build(),
                                HttpResponse.BodyHandlers.ofString()).body());
                        return m.find() && Double.parseDouble(m.group(1)) >= expected;
                    } catch (IOException e) {
                        return false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
    }

    /** A new article on news.raw, as ingest-service would publish it. */
    private static void publish(String title, String text) throws Exception {
        RawArticle article = RawArticle.of("https://browser-test.example/syunik-highway",
                null, "browser-test.example", title, List.of(), Instant.now(), null, Instant.now(), "en", text);
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.RAW.name(), article.id(), article)).get();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
