package io.newswatch.enrich.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The sentiment models shipped with enrich-service, chosen by the setting {@code sentiment.model}
 * (and the {@code --sentiment-model} option of the tools that enrich). Each is read once per JVM,
 * on first use; reading the MiniLM model also loads its sentence encoder.
 */
public enum BundledSentimentModel {
    /**
     * Lexical features plus a frozen all-MiniLM-L6-v2 sentence vector: devtest_rw macro-F1 0.715,
     * about 11 ms of CPU per sentence read.
     */
    MINILM("minilm", "/sentiment/model-minilm.json"),
    /** Lexical features only: macro-F1 0.670, a few ms per article (bulk backfills on small machines). */
    LEXICAL("lexical", "/sentiment/model.json");

    /** The model of the {@code sentiment.model} default in enrich-service.properties. */
    public static final BundledSentimentModel DEFAULT = MINILM;

    private final String settingValue;
    private final String resource;

    BundledSentimentModel(String settingValue, String resource) {
        this.settingValue = settingValue;
        this.resource = resource;
    }

    /**
     * The model a setting names ({@code minilm} or {@code lexical}, any case).
     *
     * @throws IllegalArgumentException naming the allowed values when {@code value} is none of them
     */
    public static BundledSentimentModel named(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (BundledSentimentModel model : values()) if (model.settingValue.equals(wanted)) return model;
        throw new IllegalArgumentException("must be one of " + Arrays.stream(values()).map(m -> m.settingValue).toList()
                + ", was \"" + value + "\"");
    }

    /** The value naming this model in settings and on the command line. */
    public String settingValue() {
        return settingValue;
    }

    /** The classpath resource holding the model. */
    public String resource() {
        return resource;
    }

    /** The model, read on first use and then shared by the whole JVM (it is immutable). */
    public SentimentModel model() {
        return this == MINILM ? MiniLm.MODEL : Lexical.MODEL;
    }

    @Override
    public String toString() {
        return settingValue;
    }

    private SentimentModel read() {
        try (InputStream in = SentimentModel.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not on the classpath; run train-sentiment");
            return SentimentModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Holders: each model is read when first asked for, not when the enum loads. */
    private static final class MiniLm {
        static final SentimentModel MODEL = MINILM.read();
    }

    private static final class Lexical {
        static final SentimentModel MODEL = LEXICAL.read();
    }
}
