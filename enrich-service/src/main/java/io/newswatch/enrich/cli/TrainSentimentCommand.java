package io.newswatch.enrich.cli;

import io.newswatch.enrich.sentiment.FeatureOptions;
import io.newswatch.enrich.sentiment.LabelledTarget;
import io.newswatch.enrich.sentiment.NewsMtsc;
import io.newswatch.enrich.sentiment.SentimentModel;
import io.newswatch.enrich.sentiment.SentimentTrainer;
import io.newswatch.enrich.sentiment.TrainingOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train-sentiment}: fits the target sentiment model on NewsMTSC train.jsonl, optionally cross-validating. */
@Command(name = "train-sentiment", mixinStandardHelpOptions = true,
        description = {"Trains the target-dependent sentiment model on NewsMTSC JSON Lines and writes it as JSON.",
            "The bundled models are (same data and options give the same model):",
            "  lexical: train-sentiment --train ../shared/bench/news-sentiment/train.jsonl",
            "             --out src/main/resources/sentiment/model.json",
            "  minilm:  train-sentiment --train ../shared/bench/news-sentiment/train.jsonl --sentence-encoder true",
            "             --out src/main/resources/sentiment/model-minilm.json",
            "--folds N first prints N-fold cross-validation scores on the training data (for tuning)."})
final class TrainSentimentCommand implements Callable<Integer> {
    private final PrintStream err;

    @Option(names = "--train", required = true, description = "NewsMTSC train.jsonl")
    Path train;
    @Option(names = "--out", description = "where to write the model (omit to only cross-validate)")
    Path out;
    @Option(names = "--folds", defaultValue = "0", description = "cross-validation folds, 0 for none")
    int folds;
    @Option(names = "--epochs", description = "passes over the data (default ${DEFAULT-VALUE})")
    int epochs = TrainingOptions.DEFAULT.epochs();
    @Option(names = "--learning-rate", description = "AdaGrad step (default ${DEFAULT-VALUE})")
    double learningRate = TrainingOptions.DEFAULT.learningRate();
    @Option(names = "--l2", description = "L2 penalty (default ${DEFAULT-VALUE})")
    double l2 = TrainingOptions.DEFAULT.l2();
    @Option(names = "--balanced", arity = "1", description = "weigh classes by inverse frequency (default ${DEFAULT-VALUE})")
    boolean balanced = TrainingOptions.DEFAULT.balanced();
    @Option(names = "--tone-examples", arity = "1", description = "also learn sentence tone (default ${DEFAULT-VALUE})")
    boolean toneExamples = TrainingOptions.DEFAULT.toneExamples();
    @Option(names = "--coreferences", arity = "1", description = "learn from coreferent mentions (default ${DEFAULT-VALUE})")
    boolean coreferences = TrainingOptions.DEFAULT.coreferences();
    @Option(names = "--window", description = "context tokens each side of the target (default ${DEFAULT-VALUE})")
    int window = FeatureOptions.DEFAULT.window();
    @Option(names = "--dimension-bits", description = "2^N hashed features (default ${DEFAULT-VALUE})")
    int bits = FeatureOptions.DEFAULT.dimensionBits();
    @Option(names = "--char-grams", arity = "1", description = "char 3-5-grams of context words (default ${DEFAULT-VALUE})")
    boolean charGrams = FeatureOptions.DEFAULT.charGrams();
    @Option(names = "--trigrams", arity = "1", description = "word trigrams (default ${DEFAULT-VALUE})")
    boolean trigrams = FeatureOptions.DEFAULT.trigrams();
    @Option(names = "--lexicon-paths", arity = "1",
            description = "nearest lexicon words and the words between them and the target (default ${DEFAULT-VALUE})")
    boolean lexiconPaths = FeatureOptions.DEFAULT.lexiconPaths();

    @Option(names = "--sentence-encoder", arity = "1",
            description = "also read frozen all-MiniLM-L6-v2 sentence vectors (default ${DEFAULT-VALUE})")
    boolean sentenceEncoder;

    TrainSentimentCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        List<LabelledTarget> data = NewsMtsc.read(train);
        FeatureOptions features = new FeatureOptions(bits, window, charGrams, trigrams, lexiconPaths);
        TrainingOptions training = new TrainingOptions(epochs, learningRate, l2, TrainingOptions.DEFAULT.seed(), balanced,
                toneExamples, coreferences);
        err.println("train-sentiment: " + data.size() + " targets and coreferent mentions; " + features + "; "
                + training + "; sentence encoder " + sentenceEncoder);
        if (folds > 1) {
            err.println(folds + "-fold cross-validation on the training data:");
            err.print(SentimentTrainer.crossValidate(data, folds, features, training, sentenceEncoder).report());
        }
        if (out == null) return 0;
        long started = System.nanoTime();
        SentimentModel model = SentimentTrainer.train(data, features, training, sentenceEncoder);
        double seconds = (System.nanoTime() - started) / 1e9;
        try (OutputStream file = Files.newOutputStream(out)) {
            model.write(file);
        }
        err.printf(Locale.ROOT, "train-sentiment: trained %s in %.1f s, wrote %s (%d bytes)%n", model.version(),
                seconds, out, Files.size(out));
        return 0;
    }
}
