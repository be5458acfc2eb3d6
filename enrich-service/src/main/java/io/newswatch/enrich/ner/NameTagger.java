package io.newswatch.enrich.ner;

import java.util.List;

/** Finds PERSON, ORGANIZATION and LOCATION names in English text. Implementations are thread-safe. */
public interface NameTagger {

    /** The names in {@code text[from, to)}, with offsets into {@code text}, in text order. */
    List<FoundName> tag(String text, int from, int to);

    /** The model's version, recorded on enriched articles as {@code ner}. */
    String version();
}
