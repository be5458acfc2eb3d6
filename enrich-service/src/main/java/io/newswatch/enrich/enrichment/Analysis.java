package io.newswatch.enrich.enrichment;

import io.newswatch.events.EntityMention;
import io.newswatch.events.Sentiment;
import java.util.List;

/**
 * What the stages have found out about one text so far. Each stage returns a new copy with its
 * findings added; offsets of entities refer to {@link #text}.
 *
 * @param text             the analysed text (for articles: {@code EnrichedArticle.analysedText})
 * @param declaredLanguage the language the source declared (BCP 47), or null
 * @param language         detected ISO 639-1 language, or null when undetermined
 * @param entities         entity mentions, in text order
 * @param sentiment        document sentiment, or null when not computed (e.g. a language the model does not know)
 * @param topics           topic tags (stable slugs of the taxonomy)
 */
public record Analysis(String text, String declaredLanguage, String language, List<EntityMention> entities,
                       Sentiment sentiment, List<String> topics) {

    public Analysis {
        if (text == null) throw new IllegalArgumentException("Analysis.text is required");
        entities = entities == null ? List.of() : List.copyOf(entities);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** Nothing known yet about {@code text}. */
    public static Analysis of(String text, String declaredLanguage) {
        return new Analysis(text, declaredLanguage, null, List.of(), null, List.of());
    }

    /** A copy with the detected language (or null). */
    public Analysis withLanguage(String detected) {
        return new Analysis(text, declaredLanguage, detected, entities, sentiment, topics);
    }

    /** A copy with these entity mentions. */
    public Analysis withEntities(List<EntityMention> found) {
        return new Analysis(text, declaredLanguage, language, found, sentiment, topics);
    }

    /** A copy with this document sentiment (or null). */
    public Analysis withSentiment(Sentiment found) {
        return new Analysis(text, declaredLanguage, language, entities, found, topics);
    }

    /** A copy with these topic tags. */
    public Analysis withTopics(List<String> found) {
        return new Analysis(text, declaredLanguage, language, entities, sentiment, found);
    }
}
