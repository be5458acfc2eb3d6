package io.newswatch.enrich.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.events.Sentiment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sentiment toward a span of an English sentence (a person, a party, a country), and a
 * sentence's own tone: a logistic regression over {@link TargetFeatures}, trained on NewsMTSC
 * by {@code train-sentiment}. Immutable and thread-safe.
 *
 * <p>The score is P(positive) - P(negative), in [-1, 1]; the label is the most probable class.
 */
public final class SentimentModel {
    /** The classpath resource of the bundled model. */
    public static final String BUNDLED = "/sentiment/model.json";
    private static final String FORMAT = "newswatch-sentiment-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Sentiment.Label[] LABELS = Sentiment.Label.values();

    private final FeatureOptions options;
    private final Lexicon lexicon;
    private final LinearModel linear;
    private final TargetFeatures features;
    private final String version;

    SentimentModel(FeatureOptions options, Lexicon lexicon, LinearModel linear) {
        this.options = options;
        this.lexicon = lexicon;
        this.linear = linear;
        this.features = new TargetFeatures(options, lexicon);
        this.version = "newsmtsc-lr-" + fingerprint(linear.weights());
    }

    /** A model of freshly fitted weights, rounded as {@link #write} stores them (so its version survives saving). */
    static SentimentModel trained(FeatureOptions options, Lexicon lexicon, LinearModel linear) {
        float[] weights = linear.weights();
        float scale = maxAbs(weights) / Short.MAX_VALUE;
        float[] rounded = dequantize(quantize(weights, scale), scale);
        return new SentimentModel(options, lexicon, new LinearModel(linear.classes(), rounded));
    }

    /** The bundled model, read once per JVM. */
    public static SentimentModel bundled() {
        return Bundled.INSTANCE;
    }

    /** The sentiment of {@code sentence} toward {@code sentence[start, end)} (UTF-16 indices, end exclusive). */
    public Sentiment toward(String sentence, int start, int end) {
        if (start < 0 || end <= start || end > sentence.length()) {
            throw new IllegalArgumentException("target " + start + ".." + end + " is outside the sentence");
        }
        return sentiment(probabilities(sentence, start, end));
    }

    /** The tone of {@code sentence} as a whole. */
    public Sentiment tone(String sentence) {
        return sentiment(probabilities(sentence, -1, -1));
    }

    /** Probabilities in {@link Sentiment.Label} order; {@code start < 0} for the sentence's tone. */
    double[] probabilities(String sentence, int start, int end) {
        return linear.probabilities(features.extract(sentence, start, end));
    }

    /** The label and score of class probabilities in {@link Sentiment.Label} order. */
    static Sentiment sentiment(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
        double score = Math.max(-1, Math.min(1, p[2] - p[0]));
        return new Sentiment(score, LABELS[best]);
    }

    /** Identifies the model's weights: recorded on enriched articles. */
    public String version() {
        return version;
    }

    /** Writes the model as JSON: options, lexicon and weights (int16, base64). */
    public void write(OutputStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT).put("version", version);
        root.put("trainedOn", "NewsMTSC train.jsonl (MIT licence, see NOTICE.txt)");
        root.set("features", JSON.valueToTree(options));
        root.putArray("labels").add("negative").add("neutral").add("positive");
        root.set("lexicon", JSON.valueToTree(new TreeMap<>(lexicon.scores())));
        float[] weights = linear.weights();
        float scale = maxAbs(weights) / Short.MAX_VALUE;
        root.put("scale", scale);
        root.put("weights", Base64.getEncoder().encodeToString(quantize(weights, scale)));
        JSON.writerWithDefaultPrettyPrinter().writeValue(out, root);
    }

    /** Reads a model written by {@link #write}. */
    public static SentimentModel read(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException("not a " + FORMAT + " model (format " + root.path("format") + ")");
        }
        FeatureOptions options = JSON.treeToValue(root.get("features"), FeatureOptions.class);
        @SuppressWarnings("unchecked")
        Map<String, Integer> scores = JSON.treeToValue(root.get("lexicon"), Map.class);
        float[] weights = dequantize(Base64.getDecoder().decode(root.path("weights").asText()),
                (float) root.path("scale").asDouble());
        if (weights.length != options.dimension() * LABELS.length) {
            throw new IOException("model has " + weights.length + " weights, its options need "
                    + options.dimension() * LABELS.length);
        }
        return new SentimentModel(options, new Lexicon(scores), new LinearModel(LABELS.length, weights));
    }

    private static byte[] quantize(float[] weights, float scale) {
        ByteBuffer buffer = ByteBuffer.allocate(weights.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float w : weights) buffer.putShort(scale == 0 ? 0 : (short) Math.round(w / scale));
        return buffer.array();
    }

    private static float[] dequantize(byte[] bytes, float scale) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] weights = new float[bytes.length / 2];
        for (int i = 0; i < weights.length; i++) weights[i] = buffer.getShort() * scale;
        return weights;
    }

    private static float maxAbs(float[] weights) {
        float max = 0;
        for (float w : weights) max = Math.max(max, Math.abs(w));
        return max;
    }

    private static String fingerprint(float[] weights) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(weights.length * 4);
            for (float w : weights) buffer.putFloat(w);
            return HexFormat.of().formatHex(sha.digest(buffer.array())).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Reads the bundled model on first use. */
    private static final class Bundled {
        static final SentimentModel INSTANCE = load();

        private static SentimentModel load() {
            try (InputStream in = SentimentModel.class.getResourceAsStream(BUNDLED)) {
                if (in == null) throw new IllegalStateException(BUNDLED + " is not on the classpath; run train-sentiment");
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + BUNDLED, e);
            }
        }
    }
}
