package io.newswatch.enrich.entities;

import java.util.List;

/**
 * One person, organisation or place of the knowledge base.
 *
 * @param id      stable id: a Wikidata QID ({@code Q7035479}) where known, else {@code nw:slug}
 * @param type    what it is
 * @param country ISO 3166-1 alpha-2 code (the country a place is in, a person's or body's country), or null
 * @param name    the canonical name
 * @param aliases the ways it is written, in several scripts
 * @param context when not empty, the entry is only chosen if one of these strings occurs near the
 *                mention (e.g. "Atlanta" for the U.S. state of Georgia)
 */
public record KbEntry(String id, EntityType type, String country, String name, List<Alias> aliases,
                      List<String> context) {

    public KbEntry {
        require(id, "id");
        if (type == null) throw new IllegalArgumentException("KbEntry.type is required");
        require(name, "name");
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("KbEntry.country must be an ISO alpha-2 code like AM, was " + country);
        }
        aliases = List.copyOf(aliases);
        if (aliases.isEmpty()) throw new IllegalArgumentException("KbEntry " + id + " needs at least one alias");
        context = context == null ? List.of() : List.copyOf(context);
    }

    /** True when this entry needs a context cue to be chosen. */
    public boolean needsContext() {
        return !context.isEmpty();
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("KbEntry." + field + " is required");
    }
}
