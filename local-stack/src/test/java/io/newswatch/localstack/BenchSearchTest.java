package io.newswatch.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bench-search} on a few hundred articles: it starts its own node and broker, loads, times every query
 * type and prints figures that exist and are positive.
 */
class BenchSearchTest {
    private static final String NUMBER = "([0-9]+(?:\\.[0-9]+)?)";

    @Test
    void printsLoadRateIndexSizeAndLatenciesPerQueryType() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new BenchSearch(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute("--articles", "300", "--rounds", "6", "--warmup", "1", "--deep-pages", "4", "--heap", "512m");
        String table = out.toString(StandardCharsets.UTF_8);
        String progress = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, table + progress);
        assertTrue(progress.contains("not through Kafka"), progress);

        Matcher load = Pattern.compile("load: 300 articles in " + NUMBER + " s = " + NUMBER + " articles/s.*not through Kafka")
                .matcher(table);
        assertTrue(load.find(), table);
        assertPositive(load.group(2), "load rate");
        Matcher index = Pattern.compile("index: ([0-9]+) indices behind the alias, " + NUMBER + " MiB").matcher(table);
        assertTrue(index.find(), table);
        assertPositive(index.group(1), "indices");
        assertPositive(index.group(2), "index size");

        for (String type : BenchSearch.rowLabels()) {
            Matcher row = Pattern.compile(Pattern.quote(type) + " +([0-9]+) +" + NUMBER + " +" + NUMBER + " +" + NUMBER)
                    .matcher(table);
            assertTrue(row.find(), "no row for '" + type + "' in\n" + table);
            for (int group = 1; group <= 4; group++) assertPositive(row.group(group), type + " column " + group);
        }
    }

    private static void assertPositive(String number, String what) {
        assertTrue(Double.parseDouble(number) > 0, what + " should be positive, was " + number);
    }
}
