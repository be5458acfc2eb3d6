package io.newswatch.enrich.ner;

import io.newswatch.events.EntityMention;
import java.util.List;

/**
 * The knowledge base wins where it overlaps a tagged name, except where the name is an organisation
 * or place that holds a known place as a whole word: "Dynamo Moscow", "National Bank of Romania",
 * "Paris St Germain" are not Moscow, Romania or Paris. A place joined by a hyphen ("Baku-based") is
 * not held.
 */
final class Containment {
    private Containment() {}

    /** The knowledge-base mentions not held by a longer organisation or place name of {@code names}. */
    static List<EntityMention> outside(String text, List<EntityMention> known, List<FoundName> names) {
        return known.stream().filter(m -> names.stream().noneMatch(n -> holds(text, n, m))).toList();
    }

    static boolean holds(String text, FoundName name, EntityMention place) {
        if (!"LOCATION".equals(place.type()) || "PERSON".equals(name.type())) return false;
        if (place.start() < name.start() || place.end() > name.end() || name.end() - name.start() <= place.end() - place.start()) {
            return false;
        }
        boolean wordBefore = place.start() == name.start() || Character.isWhitespace(text.charAt(place.start() - 1));
        boolean wordAfter = place.end() == name.end() || Character.isWhitespace(text.charAt(place.end()));
        return wordBefore && wordAfter;
    }
}
