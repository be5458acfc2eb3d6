package io.newswatch.index.export;

import java.util.Locale;

/** The formats a result set can be exported in. */
enum ExportFormat {
    /** RFC 4180: comma-separated, CRLF line ends, fields quoted when needed; a header row. */
    CSV("text/csv; charset=utf-8", "csv"),
    /** One JSON object per line. */
    JSONL("application/x-ndjson; charset=utf-8", "jsonl");

    final String contentType;
    final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The value of {@code format=}. */
    static ExportFormat parse(String value) {
        for (ExportFormat f : values()) {
            if (f.name().equalsIgnoreCase(value)) return f;
        }
        throw new io.newswatch.index.search.InvalidSearchException("format",
                "format must be csv or jsonl, was '" + value + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
