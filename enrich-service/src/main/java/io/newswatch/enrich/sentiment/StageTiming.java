package io.newswatch.enrich.sentiment;

import io.newswatch.enrich.enrichment.Analysis;
import io.newswatch.events.EntityMention;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long {@link SentimentStage} takes per article: labelled sentences are joined into
 * article-sized English texts whose targets become entity mentions, and the stage is timed over
 * them after one warm-up pass (the stream calls the stage on every article). The thread's CPU
 * time is measured besides wall time, since a loaded machine inflates the latter.
 *
 * @param articles        how many texts were timed
 * @param meanChars       their mean length
 * @param meanMentions    their mean number of mentions
 * @param millisPerArticle mean wall time of one {@link SentimentStage#apply}
 * @param cpuMillisPerArticle mean CPU time of one {@link SentimentStage#apply}
 */
public record StageTiming(int articles, int meanChars, int meanMentions, double millisPerArticle,
                          double cpuMillisPerArticle) {

    /** Times {@code stage} on texts of about {@code articleChars} chars built from {@code data}'s sentences. */
    public static StageTiming measure(SentimentStage stage, List<LabelledTarget> data, int articleChars) {
        List<Analysis> articles = articles(data, articleChars);
        for (Analysis article : articles) stage.apply(article);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        for (Analysis article : articles) stage.apply(article);
        long wall = System.nanoTime() - started;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStarted;
        int n = Math.max(1, articles.size());
        int chars = articles.stream().mapToInt(a -> a.text().length()).sum();
        int mentions = articles.stream().mapToInt(a -> a.entities().size()).sum();
        return new StageTiming(articles.size(), chars / n, mentions / n, wall / 1e6 / n, cpu / 1e6 / n);
    }

    private static List<Analysis> articles(List<LabelledTarget> data, int articleChars) {
        Map<String, List<LabelledTarget>> bySentence = new LinkedHashMap<>();
        for (LabelledTarget target : data) {
            if (!target.coreference()) bySentence.computeIfAbsent(target.sentence(), s -> new ArrayList<>()).add(target);
        }
        List<Analysis> articles = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<EntityMention> mentions = new ArrayList<>();
        for (Map.Entry<String, List<LabelledTarget>> sentence : bySentence.entrySet()) {
            if (text.length() > 0) text.append("\n");
            int offset = text.length();
            text.append(sentence.getKey());
            for (LabelledTarget t : sentence.getValue()) {
                mentions.add(new EntityMention(t.sentence().substring(t.start(), t.end()), "PERSON", offset + t.start(),
                        offset + t.end(), null, null, null, null));
            }
            if (text.length() >= articleChars) {
                articles.add(Analysis.of(text.toString(), null).withLanguage("en").withEntities(List.copyOf(mentions)));
                text.setLength(0);
                mentions.clear();
            }
        }
        return articles;
    }
}
