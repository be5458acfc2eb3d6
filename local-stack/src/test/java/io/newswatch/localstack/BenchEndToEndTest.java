package io.newswatch.localstack;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-e2e} at a small size: the report has every figure, each positive, and the rules raised exactly
 * the alerts the benchmark articles call for. No figure is judged against a target here (the machine is shared).
 */
class BenchEndToEndTest {

    @TempDir
    Path jars;

    @Test
    void aSmallRunReportsEveryStageLatencyAlertAndHeapFigure() throws Exception {
        JarSnapshots.takeInto(jars);
        E2eReport report = EndToEndBench.run(new EndToEndBench.Options(List.of(60), 0, 20, 0,
                E2eCorpus.defaultPages()), line -> System.err.println("bench-e2e: " + line));

        assertEquals(1, report.sizes().size());
        E2eReport.SizeResult size = report.sizes().get(0);
        E2eReport.LatencyResult latency = size.latency();
        Map<String, Long> heap = size.heapMiB();
        assertAll(
                () -> assertEquals(60, size.articles()),
                () -> assertTrue(size.publishPerSecond() > 0, "publish rate"),
                () -> assertTrue(size.enrichPerSecond() > 0, "enrich rate"),
                () -> assertTrue(size.indexPerSecond() > 0, "index rate"),
                () -> assertTrue(size.endToEndPerSecond() > 0 && size.endToEndSeconds() > 0, "end to end"),
                () -> assertEquals(0, latency.missing(), "every article searchable, every alert streamed"),
                () -> assertTrue(latency.searchable().percentile(50) > 0, "searchable p50"),
                () -> assertTrue(latency.committed().percentile(99) > 0, "alert committed p99"),
                () -> assertTrue(latency.streamed().percentile(99) > 0, "alert streamed p99"),
                () -> assertEquals(size.alertsExpected(), size.alertsCommitted(), "alerts, each exactly once"),
                () -> assertEquals(List.of("enrich-service", "index-service", ServiceUsage.PUBLISHER),
                        List.copyOf(heap.keySet())),
                () -> assertTrue(heap.values().stream().allMatch(mib -> mib > 0), "heap peaks " + heap),
                () -> assertEquals(List.of("enrich-service", "index-service"), List.copyOf(size.cpuMsPerArticle().keySet())),
                () -> assertTrue(size.cpuMsPerArticle().values().stream().allMatch(ms -> ms > 0),
                        "CPU per article " + size.cpuMsPerArticle()));
        String text = report.format();
        for (String line : List.of("stages alone: publish", "end to end:", "until searchable:",
                "until alert on /api/alerts/stream:", "alerts: ", "peak heap", "CPU per article", "cost growth")) {
            assertTrue(text.contains(line), "report has '" + line + "':\n" + text);
        }
    }
}
