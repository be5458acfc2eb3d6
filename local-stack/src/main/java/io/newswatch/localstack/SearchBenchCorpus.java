package io.newswatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code bench-search}'s generated articles are made of: real sentences (the sample articles', plus the
 * bodies of the article-extraction benchmark pages when that data is found), the knowledge base's entities
 * and the topic taxonomy's slugs, both read from enrich-service's resources on the classpath.
 *
 * @param sentences whole sentences of real news text
 * @param words     distinct longer words of those sentences, most frequent first (query terms)
 * @param entities  knowledge-base entries
 * @param topics    topic slugs
 */
record SearchBenchCorpus(List<String> sentences, List<String> words, List<Entity> entities, List<String> topics) {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]{6,}");
    private static final int MIN_SENTENCE = 40;
    private static final int MAX_SENTENCE = 320;
    private static final int MIN_WORD_COUNT = 20;

    /** A knowledge-base entry: id, PERSON/ORGANIZATION/LOCATION, ISO country or null, name, spellings. */
    record Entity(String id, String type, String country, String name, List<String> aliases) {}

    /** The corpus; {@code extraBodies} is the benchmark's {@code ground-truth.json} when present. */
    static SearchBenchCorpus load(Optional<Path> extraBodies) {
        List<String> texts = new ArrayList<>();
        SampleArticle.loadAll().forEach(a -> texts.addAll(a.bodyParagraphs()));
        extraBodies.ifPresent(path -> texts.addAll(bodies(path)));
        List<String> sentences = texts.stream().flatMap(t -> SENTENCE_END.splitAsStream(t.replace('\n', ' ')))
                .map(String::trim).filter(s -> s.length() >= MIN_SENTENCE && s.length() <= MAX_SENTENCE).toList();
        return new SearchBenchCorpus(sentences, frequentWords(sentences), readEntities(), readTopics());
    }

    /** The article-extraction benchmark's bodies, looked for beside the project as the benchmark README says. */
    static Optional<Path> findBenchmarkBodies() {
        for (String candidate : List.of("../shared/bench/article-extraction/ground-truth.json",
                "../../shared/bench/article-extraction/ground-truth.json")) {
            Path path = Path.of(candidate);
            if (Files.isReadable(path)) return Optional.of(path.toAbsolutePath().normalize());
        }
        return Optional.empty();
    }

    private static List<String> bodies(Path groundTruth) {
        try {
            JsonNode all = new ObjectMapper().readTree(groundTruth.toFile());
            List<String> bodies = new ArrayList<>();
            all.forEach(page -> bodies.add(page.path("articleBody").asText("")));
            return bodies;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + groundTruth, e);
        }
    }

    /** Latin-script words of 6+ letters seen at least 20 times: terms that find something but not everything. */
    private static List<String> frequentWords(List<String> sentences) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : sentences) {
            WORD.matcher(s).results().map(m -> m.group().toLowerCase(Locale.ROOT))
                    .filter(w -> w.chars().allMatch(c -> c < 0x250)).forEach(w -> counts.merge(w, 1, Integer::sum));
        }
        List<String> words = counts.entrySet().stream().filter(e -> e.getValue() >= MIN_WORD_COUNT)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        // the sample articles alone are small: then every word seen twice will do
        return words.size() >= MIN_WORD_COUNT ? words : counts.entrySet().stream().filter(e -> e.getValue() >= 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
    }

    private static List<Entity> readEntities() {
        List<Entity> entities = new ArrayList<>();
        for (String line : resource("/kb/entities.tsv").split("\n")) {
            String[] cols = line.split("\t");
            if (line.startsWith("#") || line.startsWith("@") || cols.length < 5) continue;
            entities.add(new Entity(cols[0], cols[1], "-".equals(cols[2]) ? null : cols[2], cols[3],
                    List.of(cols[4].split("\\|"))));
        }
        return List.copyOf(entities);
    }

    private static List<String> readTopics() {
        return resource("/topics/taxonomy.txt").lines().filter(l -> l.startsWith("["))
                .map(l -> l.substring(1, l.indexOf(']'))).toList();
    }

    private static String resource(String name) {
        try (InputStream in = SearchBenchCorpus.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name + " (from enrich-service)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
