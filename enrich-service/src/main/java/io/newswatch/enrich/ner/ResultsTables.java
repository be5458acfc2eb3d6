package io.newswatch.enrich.ner;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sports results and standings: a place named right before a score, on a line of scores, is the
 * team of that place ("NEW YORK 74 59 .556", "Glamorgan 259 and 207"), an organisation. The tagger
 * reads such city and county names as places; the line's shape, not a list of clubs, says otherwise.
 */
final class ResultsTables {
    /** A line with at least this many numbers is a line of scores. */
    static final int MIN_SCORES = 2;
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])[.]?\\d[\\d.:/-]*(?![\\p{L}])");
    private static final Pattern SCORE_AFTER = Pattern.compile("\\G\\s*\\d");

    private ResultsTables() {}

    /** {@code name} as an organisation when it is a place followed by a score on a line of scores. */
    static FoundName retype(String text, int lineStart, int lineEnd, FoundName name) {
        if (!"LOCATION".equals(name.type())) return name;
        if (!SCORE_AFTER.matcher(text).region(name.end(), lineEnd).lookingAt()) return name;
        Matcher number = NUMBER.matcher(text).region(lineStart, lineEnd);
        int scores = 0;
        while (number.find() && scores < MIN_SCORES) scores++;
        return scores >= MIN_SCORES ? new FoundName("ORGANIZATION", name.start(), name.end()) : name;
    }
}
