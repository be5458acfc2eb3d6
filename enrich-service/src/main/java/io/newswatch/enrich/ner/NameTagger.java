package io.newswatch.enrich.ner;

import java.util.List;

/** Finds PERSON, ORGANIZATION and LOCATION names in English text. Implementations are thread-safe. */
public interface NameTagger {

    /** The names in {@code text[from, to)}, with offsets into {@code text}, in text order. */
    List<FoundName> tag(String text, int from, int to);

    /**
     * True when {@code lowerCase} is a common word written in lower case (its model saw it so in
     * training): what recasing a capitalised line ({@link Recaser}) and the one-word filter use.
     */
    default boolean commonWord(String lowerCase) {
        return false;
    }

    /** The model's version, recorded on enriched articles as {@code ner}. */
    String version();
}
