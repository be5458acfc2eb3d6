package io.newswatch.enrich.cli;

import io.newswatch.enrich.sentiment.LabelledTarget;
import io.newswatch.enrich.sentiment.NewsMtsc;
import io.newswatch.enrich.sentiment.SentimentModel;
import io.newswatch.enrich.sentiment.SentimentTrainer;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench-sentiment}: macro-F1, per-class figures and the confusion matrix of a model on NewsMTSC data. */
@Command(name = "bench-sentiment", mixinStandardHelpOptions = true,
        description = {"Scores the sentiment model on NewsMTSC JSON Lines (e.g. devtest_rw.jsonl):",
            "macro-F1 over negative/neutral/positive, per-class precision/recall/F1, confusion matrix."})
final class BenchSentimentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--data", required = true, description = "NewsMTSC JSON Lines to score on")
    Path data;
    @Option(names = "--model", description = "a model file (default: the bundled model)")
    Path model;

    @Override
    public Integer call() throws Exception {
        SentimentModel sentiment = model == null ? SentimentModel.bundled() : read(model);
        List<LabelledTarget> targets = NewsMtsc.read(data);
        long started = System.nanoTime();
        String report = SentimentTrainer.evaluate(sentiment, targets).report();
        double micros = (System.nanoTime() - started) / 1e3 / Math.max(1, targets.size());
        PrintWriter out = spec.commandLine().getOut();
        out.println("model " + sentiment.version() + " on " + data);
        out.print(report);
        out.printf(Locale.ROOT, "%.0f us per target%n", micros);
        out.flush();
        return 0;
    }

    private static SentimentModel read(Path file) throws java.io.IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return SentimentModel.read(in);
        }
    }
}
