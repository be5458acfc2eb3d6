package io.newswatch.localstack;

import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EntityMention;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Sentiment;
import io.newswatch.localstack.SearchBenchCorpus.Entity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates enriched articles that look like the archive after two years: sources of different sizes and
 * languages, publication times spread over {@link #SPAN}, a few knowledge-base entities each (a few very
 * common, most rare), spelt as the source's language writes them, with their mention offsets, topics and
 * a sentiment. Text is real sentences from {@link SearchBenchCorpus}. Article {@code n} is the same for the same
 * seed, so runs compare.
 */
final class SearchBenchArticles {
    static final Duration SPAN = Duration.ofDays(730);
    private static final double ZIPF = 0.9;

    /** A news source, its language and its share of the articles. */
    record Source(String name, String language, int weight) {}

    static final List<Source> SOURCES = List.of(new Source("azatutyun.am", "en", 10),
            new Source("news.am", "en", 8), new Source("armenpress.am", "hy", 6), new Source("apa.az", "az", 6),
            new Source("trend.az", "en", 6), new Source("civil.ge", "en", 5), new Source("interpressnews.ge", "ka", 4),
            new Source("tass.ru", "ru", 8), new Source("ria.ru", "ru", 5), new Source("rferl.org", "en", 8),
            new Source("eurasianet.org", "en", 5), new Source("oc-media.org", "en", 4),
            new Source("jam-news.net", "ru", 3), new Source("reuters.com", "en", 6));
    private static final List<String> AUTHORS = List.of("Anna Petrosyan", "Rufat Mammadov", "Giorgi Lomidze",
            "Sarah Miller", "Ivan Sokolov", "Lilit Hakobyan", "Nino Beridze", "Elvin Aliyev", "Staff");

    private final SearchBenchCorpus corpus;
    private final long seed;
    private final Instant now;
    private final double[] entityWeights;
    private final double[] topicWeights;
    private final double[] sourceWeights;

    SearchBenchArticles(SearchBenchCorpus corpus, long seed, Instant now) {
        this.corpus = corpus;
        this.seed = seed;
        this.now = now;
        this.entityWeights = zipf(corpus.entities().size());
        this.topicWeights = zipf(corpus.topics().size());
        this.sourceWeights = cumulative(SOURCES.stream().mapToDouble(Source::weight).toArray());
    }

    /** Article number {@code n}. */
    EnrichedArticle article(int n) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        Source source = SOURCES.get(pick(random, sourceWeights));
        Instant published = now.minusSeconds(random.nextLong(SPAN.toSeconds()));
        List<Entity> entities = entities(random);
        Builder text = new Builder(source.language());
        String title = text.title(entities.get(0), sentence(random));
        for (int i = 0, count = 5 + random.nextInt(20); i < count; i++) {
            Entity mentioned = random.nextInt(3) == 0 ? entities.get(random.nextInt(entities.size())) : null;
            text.sentence(mentioned, sentence(random));
        }
        RawArticle raw = RawArticle.of("https://" + source.name() + "/news/" + n, null, source.name(), title,
                List.of(AUTHORS.get(random.nextInt(AUTHORS.size()))), published, null,
                min(published.plusSeconds(60 + random.nextInt(3_600)), now), source.language(), text.body());
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw, source.language(), text.mentions(),
                sentiment(random), topics(random), raw.firstSeenAt(), Map.of("generator", "bench-search"));
    }

    private String sentence(SplittableRandom random) {
        return corpus.sentences().get(random.nextInt(corpus.sentences().size()));
    }

    private List<Entity> entities(SplittableRandom random) {
        Set<Entity> chosen = new LinkedHashSet<>();
        for (int i = 0, count = 1 + random.nextInt(5); i < count; i++) {
            chosen.add(corpus.entities().get(pick(random, entityWeights)));
        }
        return List.copyOf(chosen);
    }

    private List<String> topics(SplittableRandom random) {
        Set<String> chosen = new LinkedHashSet<>();
        for (int i = 0, count = random.nextInt(3); i < count; i++) {
            chosen.add(corpus.topics().get(pick(random, topicWeights)));
        }
        return List.copyOf(chosen);
    }

    private static Sentiment sentiment(SplittableRandom random) {
        double score = Math.max(-1, Math.min(1, Math.round((random.nextDouble() - 0.55) * 1.6 * 100) / 100.0));
        Sentiment.Label label = score < -0.15 ? Sentiment.Label.NEGATIVE
                : score > 0.15 ? Sentiment.Label.POSITIVE : Sentiment.Label.NEUTRAL;
        return new Sentiment(score, label);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Cumulative weights 1/rank^0.9: the first entities (in file order) are the most mentioned. */
    private static double[] zipf(int size) {
        double[] weights = new double[size];
        for (int i = 0; i < size; i++) weights[i] = 1 / Math.pow(i + 1, ZIPF);
        return cumulative(weights);
    }

    private static double[] cumulative(double[] weights) {
        double[] sums = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) sums[i] = sum += weights[i];
        return sums;
    }

    private static int pick(SplittableRandom random, double[] cumulative) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (target < cumulative[i]) return i;
        }
        return cumulative.length - 1;
    }

    /** Title and body with entity mentions, offsets into "title, blank line, body" as enrich-service gives them. */
    private static final class Builder {
        private final String language;
        private final StringBuilder body = new StringBuilder();
        private final List<EntityMention> mentions = new ArrayList<>();
        private final List<EntityMention> bodyMentions = new ArrayList<>();
        private int titleLength;

        Builder(String language) {
            this.language = language;
        }

        String title(Entity entity, String sentence) {
            String spelling = Spelling.of(entity, language);
            String[] words = sentence.split(" ");
            String title = spelling + ": " + String.join(" ", List.of(words).subList(0, Math.min(words.length, 9)));
            mentions.add(mention(entity, spelling, 0));
            titleLength = title.length();
            return title;
        }

        void sentence(Entity entity, String sentence) {
            if (body.length() > 0) body.append(' ');
            if (entity != null) {
                String spelling = Spelling.of(entity, language);
                bodyMentions.add(mention(entity, spelling, body.length()));
                body.append(spelling).append(": ");
            }
            body.append(sentence);
        }

        String body() {
            return body.toString();
        }

        List<EntityMention> mentions() {
            List<EntityMention> all = new ArrayList<>(mentions);
            int shift = titleLength + 2;
            bodyMentions.forEach(m -> all.add(new EntityMention(m.text(), m.type(), m.start() + shift,
                    m.end() + shift, m.canonicalId(), m.canonicalName(), m.country(), null)));
            return all;
        }

        private static EntityMention mention(Entity e, String spelling, int start) {
            return new EntityMention(spelling, e.type(), start, start + spelling.length(), e.id(), e.name(),
                    "LOCATION".equals(e.type()) ? e.country() : null, null);
        }
    }

    /** The spelling of an entity a source in {@code language} would use: the first alias in its script. */
    static final class Spelling {
        private Spelling() {}

        static String of(Entity entity, String language) {
            Character.UnicodeScript wanted = switch (language) {
                case "ru" -> Character.UnicodeScript.CYRILLIC;
                case "hy" -> Character.UnicodeScript.ARMENIAN;
                case "ka" -> Character.UnicodeScript.GEORGIAN;
                default -> Character.UnicodeScript.LATIN;
            };
            return entity.aliases().stream().filter(a -> !a.isEmpty() && !a.startsWith("=")
                            && Character.UnicodeScript.of(a.codePointAt(0)) == wanted)
                    .findFirst().orElse(entity.name());
        }
    }
}
