package io.newswatch.localstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * The searches the benchmark times, as query strings of {@code GET /api/search}: every one asks for a page
 * of 20 with facets, the histogram and highlights, as the search page does. Terms vary per request (from the
 * corpus' words, sentences and entities) so no two requests are the same.
 */
enum SearchBenchQueries {
    /** The search page opened: everything, newest first. */
    ALL_NEWEST("everything, newest first", (c, r) -> "sort=newest"),
    /** One word, by relevance. */
    TERM("one word, relevance", (c, r) -> "q=" + enc(word(c, r))),
    /** Two consecutive words of a real sentence, as a phrase. */
    PHRASE("phrase", (c, r) -> "q=" + enc("\"" + phrase(c, r) + "\"")),
    /** OR, AND and NOT with grouping. */
    BOOLEAN("boolean (a OR b) AND c NOT d", (c, r) -> "q=" + enc("(" + word(c, r) + " OR " + word(c, r) + ") AND "
            + word(c, r) + " NOT " + word(c, r))),
    /** An entity facet clicked: its id as a filter, newest first. */
    ENTITY("entity filter, newest first", (c, r) -> "entity=" + enc(entity(c, r))),
    /** A word within one month. */
    DATE_RANGE("word + 1-month date range", (c, r) -> {
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(30 + r.nextInt(690));
        return "q=" + enc(word(c, r)) + "&from=" + from + "&to=" + from.plusDays(30);
    }),
    /** A word, newest first. */
    SORTED("word, sorted by time", (c, r) -> "q=" + enc(word(c, r)) + "&sort=newest"),
    /** Entity filter and word with source and language filters. */
    FILTERED("word + entity + language filters", (c, r) -> "q=" + enc(word(c, r)) + "&entity="
            + enc(entity(c, r)) + "&lang=en&lang=ru");

    /** The commonest words: a deep walk needs many hits. */
    private static final int COMMON_WORDS = 30;

    final String label;
    private final BiFunction<SearchBenchCorpus, SplittableRandom, String> query;

    SearchBenchQueries(String label, BiFunction<SearchBenchCorpus, SplittableRandom, String> query) {
        this.label = label;
        this.query = query;
    }

    /** A fresh query string of this type. */
    String query(SearchBenchCorpus corpus, SplittableRandom random) {
        return query.apply(corpus, random);
    }

    /** The first page of a deep walk: a common word, newest first. */
    static String deepWalk(SearchBenchCorpus corpus, SplittableRandom random) {
        List<String> common = corpus.words().subList(0, Math.min(COMMON_WORDS, corpus.words().size()));
        return "q=" + enc(common.get(random.nextInt(common.size()))) + "&sort=newest";
    }

    private static String word(SearchBenchCorpus c, SplittableRandom r) {
        return c.words().get(r.nextInt(c.words().size()));
    }

    private static String phrase(SearchBenchCorpus c, SplittableRandom r) {
        String[] words = c.sentences().get(r.nextInt(c.sentences().size())).replaceAll("[^\\p{L}\\p{N} ]", " ")
                .trim().split("\\s+");
        int at = r.nextInt(Math.max(1, words.length - 1));
        return words.length < 2 ? words[0] : words[at] + " " + words[at + 1];
    }

    /** Entities weighted like the articles' (the first ones are the most mentioned). */
    private static String entity(SearchBenchCorpus c, SplittableRandom r) {
        int size = c.entities().size();
        return c.entities().get(Math.min(size - 1, (int) (size * Math.pow(r.nextDouble(), 3)))).id();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
