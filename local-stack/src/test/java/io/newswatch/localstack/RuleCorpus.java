package io.newswatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.events.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Articles to run alert rules over: regional stories written to hit (and narrowly miss) each operator, plus,
 * when the shared benchmark data is there, the 181 real article bodies of the extraction benchmark.
 */
final class RuleCorpus {
    private static final Path GROUND_TRUTH = Path.of("shared", "bench", "article-extraction", "ground-truth.json");
    private static final Instant PUBLISHED = Instant.parse("2026-11-20T08:00:00Z");

    private RuleCorpus() {}

    /** The regional stories and the benchmark articles. */
    static List<RawArticle> all() {
        List<RawArticle> articles = new ArrayList<>(regional());
        groundTruthFile().ifPresent(file -> articles.addAll(benchmark(file)));
        return articles;
    }

    /** Stories of the region, each aimed at one or two rules, some just missing them. */
    static List<RawArticle> regional() {
        List<RawArticle> list = new ArrayList<>();
        list.add(story("azatutyun.am", "en", "Armenia and Azerbaijan initial the peace treaty",
                "Foreign ministers of Armenia and Azerbaijan initialled the text of a peace treaty in Washington. "
                        + "Prime Minister Nikol Pashinyan called it a historic day."));
        list.add(story("azatutyun.am", "en", "Pashinyan meets villagers in Tavush",
                "Pashinyan said the border demarcation with Azerbaijan would continue near the villages of Tavush."));
        list.add(story("news.az", "en", "Demarcation of the state border resumes",
                "The commissions agreed on the demarcation of the long state border between the two countries."));
        list.add(story("news.az", "en", "Border talks without result",
                "The border was discussed at length; no date for any demarcation work was set by the commissions, "
                        + "officials in Baku said after a meeting that lasted the whole afternoon."));
        list.add(story("tass.com", "en", "Putin receives Aliyev in the Kremlin",
                "The two presidents discussed trade, energy and the North-South transport corridor."));
        list.add(story("tass.com", "en", "Kremlin backs the North-South route",
                "President Vladimir Putin backed the North-South transport corridor through Azerbaijan and Iran."));
        list.add(story("tass.com", "en", "Kremlin comments on Caucasus talks",
                "Vladimir Putin said Russia is ready to help Armenia and Azerbaijan conclude a peace treaty."));
        list.add(story("civil.ge", "en", "Protesters rally in Tbilisi for the EU path",
                "Thousands marched on Rustaveli Avenue in Tbilisi; riot police detained protesters overnight."));
        list.add(story("civil.ge", "en", "Georgian Dream passes foreign agents law",
                "Western governments threatened sanctions after the vote in the Georgian parliament."));
        list.add(story("eurasianet.org", "en", "EU weighs new sanctions over transit of goods",
                "Brussels is considering sanctioning firms that ship dual-use goods through the Caucasus to Russia."));
        list.add(story("eurasianet.org", "en", "Sanctioned banks keep operating in the region",
                "Several sanctioned lenders still clear payments for traders in Yerevan and Bishkek."));
        list.add(story("azatutyun.am", "en", "Yerevan hosts investment forum",
                "Armenia presented projects in energy and tourism to investors from Europe and the Gulf."));
        list.add(story("azatutyun.am", "en", "Armenia and Russia argue over CSTO",
                "Armenia froze its participation in the CSTO, a Russian-led bloc, angering Moscow."));
        list.add(story("news.az", "en", "Lachin corridor checkpoint marks a year",
                "Azerbaijan's checkpoint on the Lachin corridor has operated for a year, officials in Baku said."));
        list.add(story("news.az", "en", "Middle Corridor freight grows",
                "Rail freight on the Middle Corridor from China through Kazakhstan and Azerbaijan doubled."));
        list.add(story("news.am", "ru", "Пашинян заявил о готовности подписать мирный договор",
                "Премьер-министр Армении Никол Пашинян заявил, что Ереван готов подписать мирный договор с "
                        + "Азербайджаном в ближайшие месяцы. Переговоры продолжаются в Вашингтоне."));
        list.add(story("news.am", "ru", "В Тбилиси продолжаются протесты",
                "Тысячи человек вышли на проспект Руставели в Тбилиси, полиция задержала нескольких участников акции."));
        list.add(story("oc-media.org", "en", "Peace in the treaty text, says analyst",
                "An analyst said the treaty mentions peace only in its preamble; Azerbaijan disagrees with Armenia."));
        list.add(story("oc-media.org", "en", "Shelling reported on the border",
                "Soldiers exchanged fire overnight near the border; the defence ministry reported artillery shelling."));
        return list;
    }

    private static RawArticle story(String source, String language, String title, String text) {
        String slug = title.toLowerCase().replaceAll("[^\\p{L}\\p{N}]+", "-");
        return RawArticle.of("https://" + source + "/news/" + slug, null, source, title, List.of(), PUBLISHED, null,
                Instant.now(), language, text);
    }

    /** The benchmark's article bodies, each titled with its first sentence, from its own site. */
    static List<RawArticle> benchmark(Path groundTruth) {
        List<RawArticle> list = new ArrayList<>();
        try {
            JsonNode pages = new ObjectMapper().readTree(groundTruth.toFile());
            for (Iterator<Map.Entry<String, JsonNode>> it = pages.fields(); it.hasNext(); ) {
                JsonNode page = it.next().getValue();
                String body = page.path("articleBody").asText().strip();
                String url = page.path("url").asText();
                if (body.isEmpty() || url.isEmpty()) continue;
                list.add(RawArticle.of(url, null, URI.create(url).getHost(), firstSentence(body), List.of(),
                        PUBLISHED, null, Instant.now(), null, body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + groundTruth, e);
        }
        return list;
    }

    static String firstSentence(String body) {
        String line = body.lines().filter(l -> !l.isBlank()).findFirst().orElse(body).strip();
        int end = line.indexOf(". ");
        String sentence = end > 0 ? line.substring(0, end + 1) : line;
        return sentence.length() <= 160 ? sentence : sentence.substring(0, 160);
    }

    /** {@code shared/bench/...} in this directory or one of its parents (tests run in local-stack/). */
    private static Optional<Path> groundTruthFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(GROUND_TRUTH))) return Optional.of(dir.resolve(GROUND_TRUTH));
        }
        return Optional.empty();
    }
}
