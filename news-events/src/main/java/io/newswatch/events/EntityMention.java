package io.newswatch.events;

/**
 * One mention of a named entity in an article's text.
 *
 * <p>Offsets are Java {@code String} indices (UTF-16 code units) into the text the mention was
 * found in, end exclusive, so {@code text.substring(start, end)} is the mention.
 *
 * @param text          the mention as written
 * @param type          PERSON, ORGANIZATION or LOCATION (others may be added)
 * @param start         first char, inclusive
 * @param end           last char, exclusive
 * @param canonicalId   id of the knowledge-base entry it links to (a Wikidata QID where known), or null
 * @param canonicalName the entry's canonical name, or null
 * @param country       ISO 3166-1 alpha-2 code of the country a location is in, or null
 * @param sentiment     sentiment toward this mention, or null when not computed
 */
public record EntityMention(
        String text,
        String type,
        int start,
        int end,
        String canonicalId,
        String canonicalName,
        String country,
        Sentiment sentiment) {

    public EntityMention {
        Require.text(text, "EntityMention.text");
        Require.text(type, "EntityMention.type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException(
                    "EntityMention offsets must satisfy 0 <= start < end, were " + start + ".." + end);
        }
    }
}
