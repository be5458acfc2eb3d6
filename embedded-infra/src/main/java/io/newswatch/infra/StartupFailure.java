package io.newswatch.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Builds the messages of start failures: what, why, and the end of the process log. */
final class StartupFailure {

    /** Log lines worth showing even when they scrolled out of the tail. */
    private static final Pattern ERROR_LINE = Pattern.compile(
            "\\b(ERROR|FATAL)\\b|^Exception in thread|^Caused by:|^Error:");
    private static final int ERROR_LINES = 8;
    private static final int ERROR_SCAN_BYTES = 4 << 20;

    private StartupFailure() {
    }

    /** Returns an exception saying that {@code what} failed because of {@code reason}. */
    static EmbeddedInfraException of(String what, String reason, Path log, int tailLines) {
        return of(what, reason, log, tailLines, Optional.empty());
    }

    /**
     * Returns an exception saying that {@code what} failed because of {@code reason}, with an
     * optional note (such as a memory shortage) and the last {@code tailLines} lines of
     * {@code log}. The log is read now, before the caller cleans up.
     */
    static EmbeddedInfraException of(
            String what, String reason, Path log, int tailLines, Optional<String> note) {
        StringBuilder message = new StringBuilder("Could not start ").append(what).append(": ")
                .append(reason).append('.');
        note.ifPresent(text -> message.append('\n').append(text));
        List<String> tail = FileTrees.tail(log, tailLines);
        List<String> errors = new ArrayList<>(
                FileTrees.lastMatching(log, ERROR_LINE, ERROR_LINES, ERROR_SCAN_BYTES));
        errors.removeAll(tail);
        if (!errors.isEmpty()) {
            message.append("\nLast errors in ").append(log).append(':');
            errors.forEach(line -> message.append("\n  | ").append(line));
        }
        if (tail.isEmpty()) {
            message.append("\n(").append(log).append(" is empty)");
        } else {
            message.append("\nLast ").append(tail.size()).append(" lines of ").append(log).append(':');
            tail.forEach(line -> message.append("\n  | ").append(line));
        }
        return new EmbeddedInfraException(message.toString());
    }
}
