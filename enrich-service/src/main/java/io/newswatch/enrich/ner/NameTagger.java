package io.newswatch.enrich.ner;

import java.util.List;

/** Finds PERSON, ORGANIZATION and LOCATION names in English text. Implementations are thread-safe. */
public interface NameTagger {

    /** The type of other names (nationalities, events: "Israeli", "U.S. Open"), which are not reported. */
    String MISC = "MISC";

    /** The names in {@code text[from, to)}, with offsets into {@code text}, in text order. */
    List<FoundName> tag(String text, int from, int to);

    /**
     * As {@link #tag}, plus the {@value #MISC} names the model found: not reported, but a
     * knowledge-base place inside one ("U.S." in "U.S. Open") is not a mention of that place.
     */
    default List<FoundName> tagWithMisc(String text, int from, int to) {
        return tag(text, from, to);
    }

    /**
     * As {@link #tagWithMisc}, for a line whose case says nothing (a headline, a line in capitals):
     * by a model that ignores case where there is one, else as {@link #tagWithMisc}.
     */
    default List<FoundName> tagCaseless(String text, int from, int to) {
        return tagWithMisc(text, from, to);
    }

    /** True when {@link #tagCaseless} reads the text as written, without recasing. */
    default boolean caseless() {
        return false;
    }

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
