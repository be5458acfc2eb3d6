package io.newswatch.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-e2e}: throughput of each stage alone and of the whole pipeline, latencies until searchable
 * and until alerted, peak heap per service, and how they change with the number of articles. The report goes
 * to stdout, progress to stderr.
 */
@Command(name = "bench-e2e", mixinStandardHelpOptions = true,
        description = "Measures the pipeline end to end with real Kafka, Elasticsearch and service JVMs.")
final class BenchEndToEnd implements Callable<Integer> {

    @Option(names = "--sizes", split = ",", description = "articles per run, comma-separated "
            + "(default ${DEFAULT-VALUE})")
    List<Integer> sizes = List.of(1000, 5000, 20000);

    @Option(names = "--warmup", description = "articles sent end to end first, not measured (default ${DEFAULT-VALUE})")
    int warmup = 300;

    @Option(names = "--latency-articles", description = "articles published at a steady rate for the latencies "
            + "(default ${DEFAULT-VALUE})")
    int latencyArticles = 150;

    @Option(names = "--latency-rate", description = "that rate, articles per second (default: half the end-to-end "
            + "rate just measured)")
    double latencyRate;

    @Option(names = "--pages", description = "directory of the benchmark pages, *.html.gz (default: "
            + "shared/bench/article-extraction/html above the working directory)")
    Path pages;

    @Override
    public Integer call() throws Exception {
        EndToEndBench.Options options = new EndToEndBench.Options(sizes, warmup, latencyArticles, latencyRate,
                pages == null ? E2eCorpus.defaultPages() : pages);
        E2eReport report = EndToEndBench.run(options, line -> System.err.println("bench-e2e: " + line));
        System.out.print(report.format());
        return 0;
    }
}
