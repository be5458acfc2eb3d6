package io.newswatch.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The data-file format: UTF-8, one entry per line, tab-separated columns
 * {@code id, type, country, name, aliases, context}; aliases and context cues separated by
 * {@code |}; {@code #} starts a comment line; one {@code @version V} line.
 */
final class GazetteerFormat {
    private static final String VERSION_DIRECTIVE = "@version";
    private static final int MIN_COLUMNS = 5;
    private static final int MAX_COLUMNS = 6;

    private GazetteerFormat() {}

    static Gazetteer parse(String source, Reader reader) throws IOException {
        List<KbEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String version = null;
        BufferedReader lines = new BufferedReader(reader);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String where = source + " line " + number;
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.startsWith(VERSION_DIRECTIVE)) {
                version = version(line, version, where);
                continue;
            }
            KbEntry entry = entry(line, where);
            if (!ids.add(entry.id())) throw new IllegalArgumentException(where + ": id " + entry.id() + " is used twice");
            entries.add(entry);
        }
        if (version == null) throw new IllegalArgumentException(source + ": missing the '@version V' line");
        return new Gazetteer(source, version, entries);
    }

    private static String version(String line, String previous, String where) {
        String value = line.substring(VERSION_DIRECTIVE.length()).strip();
        if (previous != null) throw new IllegalArgumentException(where + ": a second @version line");
        if (value.isEmpty()) throw new IllegalArgumentException(where + ": @version needs a value");
        return value;
    }

    private static KbEntry entry(String line, String where) {
        String[] columns = line.split("\t", -1);
        if (columns.length < MIN_COLUMNS || columns.length > MAX_COLUMNS) {
            throw new IllegalArgumentException(where + ": expected " + MIN_COLUMNS + " or " + MAX_COLUMNS
                    + " tab-separated columns (id, type, country, name, aliases[, context]), found " + columns.length);
        }
        try {
            return new KbEntry(columns[0].strip(), type(columns[1]), blankToNull(columns[2]), columns[3].strip(),
                    split(columns[4]).stream().map(Alias::parse).toList(),
                    columns.length == MAX_COLUMNS ? split(columns[5]) : List.of());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static EntityType type(String column) {
        try {
            return EntityType.valueOf(column.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("type must be one of " + Arrays.toString(EntityType.values())
                    + ", was '" + column + "'", e);
        }
    }

    private static List<String> split(String column) {
        return Arrays.stream(column.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String column) {
        String value = column.strip();
        return value.isEmpty() || value.equals("-") ? null : value;
    }
}
