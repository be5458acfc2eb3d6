package io.newswatch.enrich.sentiment;

import io.newswatch.enrich.enrichment.Analysis;
import io.newswatch.enrich.enrichment.EnrichmentStage;
import io.newswatch.events.EntityMention;
import io.newswatch.events.Sentiment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentiment of English texts: the document's tone (the mean of its sentences' tone
 * probabilities) and the sentiment toward each entity mention (the model applied to the
 * mention's sentence). Texts in other languages are left without sentiment, not guessed at:
 * the model has only learned English.
 */
public final class SentimentStage implements EnrichmentStage {
    /** The language the model was trained on. */
    public static final String LANGUAGE = "en";
    /**
     * Document tone reads at most this many sentences (the lead carries the tone; cost stays bounded). Kept
     * for the MiniLM model too, so both models' tones mean the same: on the bench-enrich corpus (165 English
     * articles, 41 sentences and 22 sentences with mentions each) reading 30 would save 21% of the encoder
     * calls but change 3.6% of document labels, reading 20 would save 28% and change 6.7%.
     */
    static final int MAX_SENTENCES = 150;

    private final SentimentModel model;

    public SentimentStage(SentimentModel model) {
        this.model = model;
    }

    /** A stage with one of the bundled models. */
    public static SentimentStage of(BundledSentimentModel model) {
        return new SentimentStage(model.model());
    }

    @Override
    public Analysis apply(Analysis analysis) {
        if (!LANGUAGE.equals(analysis.language())) return analysis;
        Article article = new Article(analysis.text());
        List<EntityMention> mentions = new ArrayList<>();
        for (EntityMention mention : analysis.entities()) mentions.add(withSentiment(article, mention));
        return analysis.withEntities(mentions).withSentiment(document(article));
    }

    /**
     * The sentiment toward {@code text[start, end)} of an analysed text, the way entity mentions
     * get theirs; null when the text's language is not {@value #LANGUAGE}.
     */
    public Sentiment toward(Analysis analysis, int start, int end) {
        if (!LANGUAGE.equals(analysis.language())) return null;
        return toward(new Article(analysis.text()), start, end);
    }

    @Override
    public Map<String, String> versions() {
        return Map.of("sentiment", model.version());
    }

    private EntityMention withSentiment(Article article, EntityMention m) {
        return new EntityMention(m.text(), m.type(), m.start(), m.end(), m.canonicalId(), m.canonicalName(),
                m.country(), toward(article, m.start(), m.end()));
    }

    private Sentiment toward(Article article, int start, int end) {
        Sentences.Span sentence = article.sentences.stream().filter(s -> s.contains(start, end)).findFirst()
                .orElse(new Sentences.Span(0, article.text.length()));
        if (start < sentence.start() || end <= start || end > sentence.end()) {
            throw new IllegalArgumentException("target " + start + ".." + end + " is outside the text");
        }
        String text = article.text.substring(sentence.start(), sentence.end());
        return SentimentModel.sentiment(article.probabilities(text, start - sentence.start(), end - sentence.start()));
    }

    private Sentiment document(Article article) {
        if (article.sentences.isEmpty()) return null;
        double[] mean = new double[Sentiment.Label.values().length];
        int count = Math.min(article.sentences.size(), MAX_SENTENCES);
        for (Sentences.Span sentence : article.sentences.subList(0, count)) {
            double[] p = article.probabilities(article.text.substring(sentence.start(), sentence.end()), -1, -1);
            for (int k = 0; k < mean.length; k++) mean[k] += p[k] / count;
        }
        return SentimentModel.sentiment(mean);
    }

    /**
     * One text being analysed: its sentences, and the encoder vectors of those read so far. A sentence is
     * encoded once, when first read (by a mention or the document tone), never when nothing reads it.
     */
    private final class Article {
        final String text;
        final List<Sentences.Span> sentences;
        private final Map<String, float[]> encoded = new HashMap<>();

        Article(String text) {
            this.text = text;
            this.sentences = Sentences.split(text);
        }

        double[] probabilities(String sentence, int start, int end) {
            return model.probabilities(sentence, start, end, encoded.computeIfAbsent(sentence, model::encode));
        }
    }
}
