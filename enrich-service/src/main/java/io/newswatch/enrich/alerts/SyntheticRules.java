package io.newswatch.enrich.alerts;

import io.newswatch.events.AlertRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Generates realistic alert rules for the benchmark: what monitoring teams write about the region
 * (phrases, entity rules, boolean combinations, proximity, some wildcards, source and language
 * filters) mixed with rules built from the words of a corpus, many of them near-misses (words
 * that occur in the articles but not together), which are the expensive ones for a presearcher.
 * Deterministic for a seed.
 */
public final class SyntheticRules {
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
    /** The most frequent words of the corpus, left out of rules. */
    private static final int COMMON_WORDS = 300;
    private static final List<String> PLACES = List.of("Armenia", "Azerbaijan", "Georgia", "Karabakh", "Lachin",
            "Yerevan", "Baku", "Tbilisi", "Nakhchivan", "Syunik", "Zangezur", "Stepanakert", "Gyumri", "Batumi",
            "Abkhazia", "Ossetia", "Russia", "Turkey", "Iran", "Moscow", "Ankara", "Tehran", "Brussels", "Kars");
    private static final List<String> PEOPLE = List.of("Pashinyan", "Aliyev", "Kobakhidze", "Ivanishvili",
            "Zourabichvili", "Putin", "Erdogan", "Lavrov", "Mirzoyan", "Bayramov", "Kocharyan", "Sargsyan",
            "\"Nikol Pashinyan\"", "\"Ilham Aliyev\"", "\"Ruben Vardanyan\"", "\"Josep Borrell\"");
    private static final List<String> PHRASES = List.of("peace treaty", "border demarcation", "peace agreement",
            "prisoners of war", "transport corridor", "gas pipeline", "Zangezur corridor", "Lachin corridor",
            "martial law", "foreign agents", "ceasefire violation", "peacekeeping mission", "EU monitoring mission",
            "snap election", "opposition rally", "constitutional referendum", "energy security",
            "humanitarian crisis", "refugee return", "land mines", "arms deal", "military exercise");
    private static final List<String> TOPICS = List.of("sanctions", "election", "protest", "border", "treaty",
            "pipeline", "ceasefire", "refugees", "referendum", "investment", "inflation", "arrest", "corruption",
            "drone", "shelling", "negotiations", "summit", "visa", "tariff", "earthquake");
    private static final List<String> SOURCES = List.of("azatutyun.am", "civil.ge", "apa.az", "reuters.com",
            "eurasianet.org", "oc-media.org");

    private final Random random;
    private final List<String> corpusWords;
    private final List<String[]> corpusBigrams;

    private SyntheticRules(long seed, List<String> texts) {
        this.random = new Random(seed);
        this.corpusWords = new ArrayList<>();
        this.corpusBigrams = new ArrayList<>();
        Set<String> common = mostFrequent(texts, COMMON_WORDS);
        texts.forEach(text -> collect(text, common));
        if (corpusWords.size() < 2) throw new IllegalArgumentException("the corpus has too few words for rules");
    }

    /** {@code count} rules, ids {@code rule-0}..., drawing words from {@code texts}. */
    public static List<AlertRule> generate(int count, List<String> texts, long seed) {
        SyntheticRules rules = new SyntheticRules(seed, texts);
        Instant now = Instant.parse("2026-11-26T00:00:00Z");
        List<AlertRule> generated = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String query = rules.next();
            generated.add(new AlertRule(AlertRule.SCHEMA_VERSION, "rule-" + i, "rule " + i, query, null, true, now,
                    now));
        }
        return generated;
    }

    /** One rule query, by a weighted choice of kind. */
    private String next() {
        int dice = random.nextInt(100);
        List<Supplier<String>> kinds = List.of(this::corpusPhrase, this::nearMissPhrase, this::regionalBoolean,
                this::entityRule, this::proximity, this::corpusBoolean, this::placeAndTopic, this::wildcardAnd,
                this::filtered, this::titleRule, this::bareWildcard);
        int[] weights = {20, 15, 15, 10, 10, 10, 8, 5, 3, 3, 1};
        for (int i = 0, sum = 0; i < weights.length; i++) {
            sum += weights[i];
            if (dice < sum) return kinds.get(i).get();
        }
        return corpusPhrase();
    }

    private String corpusPhrase() {
        String[] pair = pick(corpusBigrams);
        return quote(pair[0] + " " + pair[1]);
    }

    private String nearMissPhrase() {
        return quote(pick(corpusBigrams)[0] + " " + word());
    }

    private String regionalBoolean() {
        return quote(pick(PHRASES)) + " AND (" + pick(PLACES) + " OR " + pick(PLACES) + ")";
    }

    private String entityRule() {
        return random.nextBoolean() ? "entity:" + pick(PEOPLE) : "entity:" + pick(PEOPLE) + " AND " + pick(TOPICS);
    }

    private String proximity() {
        return quote(word() + " " + word()) + "~" + (3 + random.nextInt(6));
    }

    private String corpusBoolean() {
        return word() + " AND (" + word() + " OR " + word() + ") NOT " + word();
    }

    private String placeAndTopic() {
        return pick(PLACES) + " " + (random.nextBoolean() ? pick(TOPICS) : word());
    }

    private String wildcardAnd() {
        return prefix() + "* AND " + (random.nextBoolean() ? pick(PLACES) : word());
    }

    private String filtered() {
        return random.nextBoolean() ? "source:" + pick(SOURCES) + " AND " + word()
                : "lang:en AND " + quote(pick(PHRASES));
    }

    private String titleRule() {
        return "title:" + word() + " AND " + word();
    }

    private String bareWildcard() {
        return prefix() + "*";
    }

    private String word() {
        return pick(corpusWords);
    }

    private String prefix() {
        String word = word();
        return word.substring(0, Math.min(5, word.length()));
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String quote(String phrase) {
        return "\"" + phrase + "\"";
    }

    /**
     * Words of four letters or more except the most common ones (nobody alerts on "that" or
     * "said"), in order of occurrence, so frequent content words are drawn more often.
     */
    private void collect(String text, Set<String> common) {
        Matcher m = WORD.matcher(text);
        String previous = null;
        int previousEnd = -1;
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            boolean content = !common.contains(word);
            if (content) corpusWords.add(word);
            if (content && previous != null && text.substring(previousEnd, m.start()).isBlank()) {
                corpusBigrams.add(new String[] {previous, word});
            }
            previous = content ? word : null;
            previousEnd = m.end();
        }
    }

    private static Set<String> mostFrequent(List<String> texts, int limit) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            Matcher m = WORD.matcher(text);
            while (m.find()) counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(Math.min(limit, counts.size() / 10)) // a small corpus keeps most of its words
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
