package io.newswatch.enrich.cli;

import io.newswatch.enrich.sentiment.LabelledTarget;
import io.newswatch.enrich.sentiment.NewsMtsc;
import io.newswatch.enrich.sentiment.SentimentModel;
import io.newswatch.enrich.sentiment.SentimentStage;
import io.newswatch.enrich.sentiment.StageTiming;
import io.newswatch.enrich.sentiment.SentimentTrainer;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench-sentiment}: macro-F1, per-class figures and the confusion matrix of a model on NewsMTSC data. */
@Command(name = "bench-sentiment", mixinStandardHelpOptions = true,
        description = {"Scores the sentiment model on NewsMTSC JSON Lines (e.g. devtest_rw.jsonl):",
            "macro-F1 over negative/neutral/positive, per-class precision/recall/F1, confusion matrix,",
            "and the time SentimentStage takes per article-sized text built from the data."})
final class BenchSentimentCommand implements Callable<Integer> {
    /** The size of the texts the stage is timed on: a typical benchmark article. */
    private static final int ARTICLE_CHARS = 4_400;
    @Spec
    CommandSpec spec;
    @Option(names = "--data", required = true, description = "NewsMTSC JSON Lines to score on")
    Path data;
    @Option(names = "--model", description = "a model file (default: the bundled model --sentiment-model names)")
    Path model;
    @Mixin
    SentimentModelOption sentimentModel = new SentimentModelOption();

    @Override
    public Integer call() throws Exception {
        SentimentModel sentiment = model == null ? sentimentModel.model().model() : read(model);
        List<LabelledTarget> targets = NewsMtsc.read(data);
        long started = System.nanoTime();
        String report = SentimentTrainer.evaluate(sentiment, targets).report();
        double micros = (System.nanoTime() - started) / 1e3 / Math.max(1, targets.size());
        PrintWriter out = spec.commandLine().getOut();
        out.println("model " + sentiment.version() + " on " + data);
        out.print(report);
        out.printf(Locale.ROOT, "%.0f us per target%n", micros);
        StageTiming timing = StageTiming.measure(new SentimentStage(sentiment), targets, ARTICLE_CHARS);
        out.printf(Locale.ROOT, "SentimentStage: %.2f ms per article, %.2f ms CPU (%d articles of ~%d chars, ~%d mentions"
                + " each)%n", timing.millisPerArticle(), timing.cpuMillisPerArticle(), timing.articles(), timing.meanChars(),
                timing.meanMentions());
        out.flush();
        return 0;
    }

    private static SentimentModel read(Path file) throws java.io.IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return SentimentModel.read(in);
        }
    }
}
