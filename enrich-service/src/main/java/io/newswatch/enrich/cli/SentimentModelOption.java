package io.newswatch.enrich.cli;

import io.newswatch.enrich.EnrichConfig;
import io.newswatch.enrich.sentiment.BundledSentimentModel;
import io.newswatch.support.Settings;
import picocli.CommandLine.Option;

/**
 * {@code --sentiment-model}, shared by the tools that enrich: without it they use what the service
 * would (the setting {@code sentiment.model}: defaults file, {@code NEWSWATCH_CONFIG}, env
 * {@code NEWSWATCH_SENTIMENT_MODEL}).
 */
final class SentimentModelOption {
    @Option(names = "--sentiment-model", paramLabel = "minilm|lexical",
            description = "sentiment model: minilm (better, slower) or lexical (default: the service's setting"
                    + " sentiment.model, env NEWSWATCH_SENTIMENT_MODEL, itself minilm by default)")
    String name;

    /** The model chosen on the command line, else by the service's settings. */
    BundledSentimentModel model() {
        if (name == null) return EnrichConfig.sentimentModel(Settings.load("enrich-service"));
        try {
            return BundledSentimentModel.named(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sentiment-model " + e.getMessage(), e);
        }
    }
}
