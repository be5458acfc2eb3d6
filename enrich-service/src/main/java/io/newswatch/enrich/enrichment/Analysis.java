package io.newswatch.enrich.enrichment;

import io.newswatch.events.EnrichedArticle;
import io.newswatch.events.EntityMention;
import io.newswatch.events.LeadImage;
import io.newswatch.events.RawArticle;
import io.newswatch.events.Sentiment;
import java.util.List;

/**
 * What the stages have found out about one text so far. Each stage returns a new copy with its
 * findings added; offsets of entities refer to {@link #text}.
 *
 * @param text             the analysed text; for articles see {@link #ofArticle}
 * @param declaredLanguage the language the source declared (BCP 47), or null
 * @param language         detected ISO 639-1 language, or null when undetermined
 * @param entities         entity mentions, in text order
 * @param sentiment        document sentiment, or null when not computed (e.g. a language the model does not know)
 * @param topics           topic tags (stable slugs of the taxonomy)
 * @param titleEnd         chars at the start of {@code text} that are the headline (0 when there is none):
 *                         title case misleads the name tagger, so it is not run there
 */
public record Analysis(String text, String declaredLanguage, String language, List<EntityMention> entities,
                       Sentiment sentiment, List<String> topics, int titleEnd) {

    public Analysis {
        if (text == null) throw new IllegalArgumentException("Analysis.text is required");
        if (titleEnd < 0 || titleEnd > text.length()) {
            throw new IllegalArgumentException("Analysis.titleEnd must be within the text, was " + titleEnd);
        }
        entities = entities == null ? List.of() : List.copyOf(entities);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** An analysis of a text without a headline. */
    public Analysis(String text, String declaredLanguage, String language, List<EntityMention> entities,
                    Sentiment sentiment, List<String> topics) {
        this(text, declaredLanguage, language, entities, sentiment, topics, 0);
    }

    /** Nothing known yet about {@code text}, which has no headline. */
    public static Analysis of(String text, String declaredLanguage) {
        return new Analysis(text, declaredLanguage, null, List.of(), null, List.of(), 0);
    }

    /**
     * Nothing known yet about {@code article}. The text is {@link EnrichedArticle#analysedText} (title, blank
     * line, body), followed, when the lead image has a caption, by a blank line and the caption: captions
     * name people the body may not (the seed's "Mehriban Aliyeva"). So entity offsets below
     * {@code analysedText.length()} are those of the EnrichedArticle contract, and mentions at or after
     * {@code analysedText.length() + 2} are in the caption.
     */
    public static Analysis ofArticle(RawArticle article) {
        String text = EnrichedArticle.analysedText(article);
        String caption = caption(article.leadImage());
        if (caption != null) text = text + "\n\n" + caption;
        return new Analysis(text, article.language(), null, List.of(), null, List.of(), article.title().length());
    }

    private static String caption(LeadImage image) {
        return image == null ? null : image.caption();
    }

    /** A copy with the detected language (or null). */
    public Analysis withLanguage(String detected) {
        return new Analysis(text, declaredLanguage, detected, entities, sentiment, topics, titleEnd);
    }

    /** A copy with these entity mentions. */
    public Analysis withEntities(List<EntityMention> found) {
        return new Analysis(text, declaredLanguage, language, found, sentiment, topics, titleEnd);
    }

    /** A copy with this document sentiment (or null). */
    public Analysis withSentiment(Sentiment found) {
        return new Analysis(text, declaredLanguage, language, entities, found, topics, titleEnd);
    }

    /** A copy with these topic tags. */
    public Analysis withTopics(List<String> found) {
        return new Analysis(text, declaredLanguage, language, entities, sentiment, found, titleEnd);
    }
}
