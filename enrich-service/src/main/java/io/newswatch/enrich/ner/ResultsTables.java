package io.newswatch.enrich.ner;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sports results and standings in capitals: a place named right before a score, on a line of scores,
 * is the team of that place ("NEW YORK 74 59 .556", "ROSTOV 2 VOLGOGRAD 1"), an organisation. The
 * tagger reads such city names as places there; the line's shape, not a list of clubs, says otherwise.
 * {@link NameRecognizer} applies it to lines in capitals only: in a sentence ("Slovakia beat the Faroe
 * Islands 2-1") the tagger reads the name in context, and retyping there cost F1 on conllpp dev.
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
