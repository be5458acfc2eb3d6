package io.newswatch.infra;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JVM heap sizes in the {@code -Xmx} syntax: {@code 512m}, {@code 1g}, {@code 262144k}. */
final class Heap {

    private static final Pattern SIZE = Pattern.compile("([1-9][0-9]*)([kmg])");

    private Heap() {
    }

    /**
     * Checks a heap size and returns it in lower case.
     *
     * @throws IllegalArgumentException if it is not a number followed by k, m or g
     */
    static String validate(String heap) {
        String normalized = heap.trim().toLowerCase(Locale.ROOT);
        if (!SIZE.matcher(normalized).matches()) {
            throw new IllegalArgumentException(
                    "heap must be a JVM size such as 512m or 1g, was: '" + heap + "'");
        }
        return normalized;
    }

    /** Returns the size of a valid heap string in bytes. */
    static long bytes(String heap) {
        Matcher matcher = SIZE.matcher(validate(heap));
        if (!matcher.matches()) {
            throw new IllegalStateException("unreachable: " + heap);
        }
        long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2)) {
            case "k":
                return amount << 10;
            case "m":
                return amount << 20;
            default:
                return amount << 30;
        }
    }
}
