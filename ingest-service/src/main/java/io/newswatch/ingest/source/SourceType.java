package io.newswatch.ingest.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a source lists its articles. More kinds (news sitemaps, section pages) come later. */
public enum SourceType {
    /** An RSS 0.9x/1.0/2.0 or Atom feed. */
    FEED;

    /** The type written as {@code name} in a sources file ("feed"). */
    static SourceType named(String name) {
        for (SourceType type : values()) {
            if (type.yamlName().equals(name.strip().toLowerCase(Locale.ROOT))) return type;
        }
        throw new IllegalArgumentException("type: unknown source type '" + name + "' (known: " + known() + ")");
    }

    /** The name used in sources files. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String known() {
        return Arrays.stream(values()).map(SourceType::yamlName).collect(Collectors.joining(", "));
    }
}
