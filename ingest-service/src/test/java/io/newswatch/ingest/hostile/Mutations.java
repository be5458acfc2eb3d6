package io.newswatch.ingest.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Mutations of real documents: ranges deleted, duplicated or cut short, hostile fragments
 * (broken tags and entities, stray CDATA, huge attributes, control characters, planted
 * script/style markers) inserted at random places.
 */
public final class Mutations {
    /** The saved benchmark pages; the fuzzing falls back to the test pages when they are not there. */
    private static final Path BENCH_PAGES = Path.of(System.getProperty("newswatch.bench.pages",
            "/work/shared/bench/article-extraction/html"));

    private static final List<String> FRAGMENTS = List.of("<", ">", "</", "<div", "</div>", "</p>", "<p>", "<br/>",
            "&", "&amp", "&#", "&#x", "&#xD800;", "&#1114112;", "&#99999999999;", "&nbsp", "&;", "&lt;script&gt;",
            "<!--", "-->", "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;",
            "\u0000", "\r", "\u00a0", "\u2028", "\u200b", "\ufeff", "\ud800", "\"", "'", "=", "<table><tr><td>",
            "<svg><foreignObject><p>", "<math><mi>", "<template>", "<noscript>", "<textarea>", "<plaintext>", "<xmp>",
            "<h1>", "<a href=\"javascript:alert(1)\">", "<base href=\"::::\">", "<meta charset=\"x-unknown\">",
            "<link rel=canonical href=\"http://[::1\">", "<html lang=\"\u0000\">", "<time datetime=\"99999-99-99\">",
            "<script>", "</script>", "<style>", "</style>");

    private Mutations() {}

    /** One edit of a text. */
    public record Mutation(int kind, double at, int length, String fragment) {
        String apply(String s) {
            int pos = (int) (at * s.length());
            int end = Math.min(s.length(), pos + length);
            return switch (kind) {
                case 0 -> s.substring(0, pos) + s.substring(end);                       // delete a range
                case 1 -> s.substring(0, end) + s.substring(pos, end) + s.substring(end); // duplicate a range
                case 2 -> s.substring(0, pos);                                            // cut short
                default -> s.substring(0, pos) + fragment + s.substring(pos);           // insert
            };
        }
    }

    /** Random edits, mostly insertions of hostile fragments. */
    public static Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Integer> kind = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0)), Tuple.of(2, Arbitraries.just(1)),
                Tuple.of(1, Arbitraries.just(2)), Tuple.of(8, Arbitraries.just(3)));
        Arbitrary<Mutation> one = Combinators.combine(kind, Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 5_000), fragments()).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(20);
    }

    /** {@code original} with the {@code edits} applied in order. */
    public static String apply(String original, List<Mutation> edits) {
        String s = original;
        for (Mutation m : edits) s = m.apply(s);
        return s;
    }

    /** Hostile fragments, a huge attribute, or a script/style block holding a marker. */
    public static Arbitrary<String> fragments() {
        Arbitrary<String> marker = Arbitraries.integers().between(0, 999_999).map(n -> n % 2 == 0
                ? "<script>var x = 'FUZZSCRIPT" + n + "';</script>" : "<style>.a:after{content:'FUZZSTYLE" + n + "'}</style>");
        Arbitrary<String> hugeAttribute = Arbitraries.integers().between(10_000, 300_000)
                .map(n -> "<div class=\"" + "x ".repeat(n / 2) + "\" data-x='" + "&amp;".repeat(100) + "'>");
        return Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.of(FRAGMENTS)),
                Tuple.of(3, marker), Tuple.of(1, hugeAttribute));
    }

    /** The benchmark pages when present (first {@code max}), otherwise the saved test pages. */
    public static List<String> realPages(int max) {
        if (Files.isDirectory(BENCH_PAGES)) {
            try (Stream<Path> files = Files.list(BENCH_PAGES)) {
                List<String> pages = files.filter(p -> p.toString().endsWith(".html.gz")).sorted().limit(max)
                        .map(Mutations::gunzip).toList();
                if (!pages.isEmpty()) return pages;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> pages = new ArrayList<>();
        for (String name : List.of("chrome-heavy.html", "seed-article-in-chrome.html")) pages.add(resource("/pages/" + name));
        return pages;
    }

    /** A test resource as text. */
    public static String resource(String name) {
        try (InputStream in = Mutations.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String gunzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
