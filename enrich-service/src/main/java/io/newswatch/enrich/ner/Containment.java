package io.newswatch.enrich.ner;

import io.newswatch.events.EntityMention;
import java.util.List;

/**
 * The knowledge base wins where it overlaps a tagged name, except where the tagger read a longer
 * organisation, place or other (MISC) name holding a known name as whole words: "Dynamo Moscow",
 * "National Bank of Poland", "Air France", "U.S. Open", "International Red Cross" are not Moscow,
 * Poland, France, the United States or the Red Cross. A name joined by a hyphen ("Baku-based") is
 * not held; a person's name holds nothing (the knowledge base knows its people by full name).
 */
final class Containment {
    private Containment() {}

    /** The knowledge-base mentions not held by a longer non-person name of {@code names}. */
    static List<EntityMention> outside(String text, List<EntityMention> known, List<FoundName> names) {
        return known.stream().filter(m -> names.stream().noneMatch(n -> holds(text, n, m))).toList();
    }

    static boolean holds(String text, FoundName name, EntityMention place) {
        if ("PERSON".equals(name.type())) return false;
        if (place.start() < name.start() || place.end() > name.end() || name.end() - name.start() <= place.end() - place.start()) {
            return false;
        }
        boolean wordBefore = place.start() == name.start() || Character.isWhitespace(text.charAt(place.start() - 1));
        boolean wordAfter = place.end() == name.end() || Character.isWhitespace(text.charAt(place.end()));
        return wordBefore && wordAfter;
    }
}
