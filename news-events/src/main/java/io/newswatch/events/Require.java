package io.newswatch.events;

import java.util.List;

/** Argument checks for the event records; messages name the record and field. */
final class Require {
    private Require() {}

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
        return value;
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    static int schemaVersion(int version) {
        // Absent in JSON means the first version; a newer writer is fine (readers ignore unknown fields).
        return version <= 0 ? 1 : version;
    }
}
