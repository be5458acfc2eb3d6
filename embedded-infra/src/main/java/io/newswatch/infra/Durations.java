package io.newswatch.infra;

import java.time.Duration;
import java.util.Locale;

/** Human-readable elapsed times for log lines. */
final class Durations {

    private Durations() {
    }

    /** Returns the time since {@code startNanos} ({@link System#nanoTime}) as "4.2 s". */
    static String since(long startNanos) {
        return format(Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** Returns a duration as seconds with one decimal, e.g. "17.3 s". */
    static String format(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
