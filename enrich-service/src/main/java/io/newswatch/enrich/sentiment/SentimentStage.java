package io.newswatch.enrich.sentiment;

import io.newswatch.enrich.enrichment.Analysis;
import io.newswatch.enrich.enrichment.EnrichmentStage;
import io.newswatch.events.EntityMention;
import io.newswatch.events.Sentiment;
import java.util.ArrayList;
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
    /** Document tone reads at most this many sentences (the lead carries the tone; cost stays bounded). */
    static final int MAX_SENTENCES = 150;

    private final SentimentModel model;

    public SentimentStage(SentimentModel model) {
        this.model = model;
    }

    /** A stage with the bundled model. */
    public static SentimentStage bundled() {
        return new SentimentStage(SentimentModel.bundled());
    }

    @Override
    public Analysis apply(Analysis analysis) {
        if (!LANGUAGE.equals(analysis.language())) return analysis;
        List<Sentences.Span> sentences = Sentences.split(analysis.text());
        List<EntityMention> mentions = new ArrayList<>();
        for (EntityMention mention : analysis.entities()) mentions.add(withSentiment(analysis.text(), sentences, mention));
        return analysis.withEntities(mentions).withSentiment(document(analysis.text(), sentences));
    }

    /**
     * The sentiment toward {@code text[start, end)} of an analysed text, the way entity mentions
     * get theirs; null when the text's language is not {@value #LANGUAGE}.
     */
    public Sentiment toward(Analysis analysis, int start, int end) {
        if (!LANGUAGE.equals(analysis.language())) return null;
        return toward(analysis.text(), Sentences.split(analysis.text()), start, end);
    }

    @Override
    public Map<String, String> versions() {
        return Map.of("sentiment", model.version());
    }

    private EntityMention withSentiment(String text, List<Sentences.Span> sentences, EntityMention m) {
        return new EntityMention(m.text(), m.type(), m.start(), m.end(), m.canonicalId(), m.canonicalName(),
                m.country(), toward(text, sentences, m.start(), m.end()));
    }

    private Sentiment toward(String text, List<Sentences.Span> sentences, int start, int end) {
        Sentences.Span sentence = sentences.stream().filter(s -> s.contains(start, end)).findFirst()
                .orElse(new Sentences.Span(0, text.length()));
        return model.toward(text.substring(sentence.start(), sentence.end()), start - sentence.start(),
                end - sentence.start());
    }

    private Sentiment document(String text, List<Sentences.Span> sentences) {
        if (sentences.isEmpty()) return null;
        double[] mean = new double[Sentiment.Label.values().length];
        int count = Math.min(sentences.size(), MAX_SENTENCES);
        for (Sentences.Span sentence : sentences.subList(0, count)) {
            double[] p = model.probabilities(text.substring(sentence.start(), sentence.end()), -1, -1);
            for (int k = 0; k < mean.length; k++) mean[k] += p[k] / count;
        }
        return SentimentModel.sentiment(mean);
    }
}
