package io.newswatch.enrich.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The knowledge base of the first entity pass: people, organisations and places that matter in
 * South Caucasus coverage, with their spellings in several scripts. It ships as the editable
 * data file {@value #BUNDLED} (its format is described at its top).
 *
 * @param source  where it was read from, for error messages
 * @param version the version line of the file, recorded on every enriched article
 * @param entries the entries, in file order (earlier entries win ties)
 */
public record Gazetteer(String source, String version, List<KbEntry> entries) {
    /** The classpath resource of the bundled knowledge base. */
    public static final String BUNDLED = "/kb/entities.tsv";

    public Gazetteer {
        entries = List.copyOf(entries);
    }

    /** The knowledge base shipped with enrich-service. */
    public static Gazetteer bundled() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException(BUNDLED + " is not on the classpath");
            return read(BUNDLED, new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
    }

    /** Parses the data-file format; throws IllegalArgumentException naming the line that is wrong. */
    public static Gazetteer read(String source, Reader reader) throws IOException {
        return GazetteerFormat.parse(source, reader);
    }

    /** Parses the data-file format from a string (tests, tools). */
    public static Gazetteer parse(String source, String text) {
        try {
            return read(source, new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /** The version as recorded on enriched articles. */
    public String versionTag() {
        return "gazetteer-" + version;
    }
}
