package io.newswatch.ingest.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a source lists its articles. */
public enum SourceType {
    /** An RSS 0.9x/1.0/2.0 or Atom feed. */
    FEED,
    /** A sitemap or sitemap index, plain or news ({@code news:} extension), maybe gzip-compressed. */
    SITEMAP,
    /** A section or listing page: the links on it matching the source's {@code linkPattern}. */
    SECTION,
    /** One article URL. */
    PAGE,
    /** A saved page or a folder of them ({@code .html}, {@code .htm}, {@code .html.gz}): offline backfill. */
    FILES;

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

    /** True when the source is read from this machine's disk rather than over HTTP. */
    public boolean isLocal() {
        return this == FILES;
    }

    private static String known() {
        return Arrays.stream(values()).map(SourceType::yamlName).collect(Collectors.joining(", "));
    }
}
