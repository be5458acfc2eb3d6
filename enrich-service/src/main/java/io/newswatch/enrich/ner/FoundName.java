package io.newswatch.enrich.ner;

/**
 * A name the tagger found, before linking.
 *
 * @param type  PERSON, ORGANIZATION or LOCATION
 * @param start first char, inclusive (UTF-16 offset into the analysed text)
 * @param end   last char, exclusive
 */
public record FoundName(String type, int start, int end) {
    public FoundName {
        if (start < 0 || end <= start) throw new IllegalArgumentException("FoundName needs 0 <= start < end");
    }

    /** The name as written in {@code text}. */
    public String in(String text) {
        return text.substring(start, end);
    }

    /** True when this name shares a char with {@code [otherStart, otherEnd)}. */
    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
