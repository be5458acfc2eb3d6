package io.newswatch.enrich.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.events.Sentiment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * sentence's own tone: a logistic regression over {@link TargetFeatures} and, when model.json
 * names a sentence encoder, the sentence's frozen {@link SentenceEncoder} vector; trained on
 * NewsMTSC by {@code train-sentiment}. Immutable and thread-safe.
 *
 * <p>The score is P(positive) - P(negative), in [-1, 1]; the label is the most probable class.
 */
public final class SentimentModel {
    private static final String FORMAT = "newswatch-sentiment-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Sentiment.Label[] LABELS = Sentiment.Label.values();

    private final FeatureOptions options;
    private final Lexicon lexicon;
    private final LinearModel linear;
    private final TargetFeatures features;
    private final String version;
    /** The {@link SentenceEncoder#NAME} whose vectors the model also reads, or null for none. */
    private final String encoder;
    /** The encoder itself when {@link #encoder} is set (loaded with the model), else null. */
    private final SentenceEncoder sentenceEncoder;

    SentimentModel(FeatureOptions options, Lexicon lexicon, LinearModel linear, String encoder) {
        this.options = options;
        this.lexicon = lexicon;
        this.linear = linear;
        this.encoder = encoder;
        this.sentenceEncoder = encoder == null ? null : SentenceEncoder.shared();
        this.features = new TargetFeatures(options, lexicon);
        this.version = (encoder == null ? "newsmtsc-lr-" : "newsmtsc-lr-minilm-") + fingerprint(linear.weights());
    }

    /** A model of freshly fitted weights, rounded as {@link #write} stores them (so its version survives saving). */
    static SentimentModel trained(FeatureOptions options, Lexicon lexicon, LinearModel linear, String encoder) {
        float[] weights = linear.weights();
        float scale = maxAbs(weights) / Short.MAX_VALUE;
        float[] rounded = dequantize(quantize(weights, scale), scale);
        return new SentimentModel(options, lexicon, new LinearModel(linear.classes(), rounded), encoder);
    }

    /** The number of weights per class a model of {@code options} has, with or without the encoder's. */
    static int dimension(FeatureOptions options, boolean encoder) {
        return options.dimension() + (encoder ? SentenceEncoder.DIMENSION + 1 : 0);
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
        return probabilities(sentence, start, end, encode(sentence));
    }

    /** As {@link #probabilities(String, int, int)}, with the sentence's {@link #encode} vector already at hand. */
    double[] probabilities(String sentence, int start, int end, float[] vector) {
        SparseVector x = features.extract(sentence, start, end);
        return linear.probabilities(encoder == null ? x : SentenceEncoder.append(x, options.dimension(), vector));
    }

    /** The sentence's encoder vector, or null when the model reads none (so callers may cache it per sentence). */
    float[] encode(String sentence) {
        return sentenceEncoder == null ? null : sentenceEncoder.encode(sentence);
    }

    /** Whether the model also reads a sentence vector (then each sentence read costs an encoder call). */
    public boolean readsSentenceVectors() {
        return encoder != null;
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
        if (encoder != null) root.put("encoder", encoder);
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
        String encoder = root.hasNonNull("encoder") ? root.get("encoder").asText() : null;
        if (encoder != null && !encoder.equals(SentenceEncoder.NAME)) {
            throw new IOException("model was trained with sentence encoder " + encoder + ", this build has "
                    + SentenceEncoder.NAME + "; retrain it with train-sentiment");
        }
        int expected = dimension(options, encoder != null) * LABELS.length;
        if (weights.length != expected) {
            throw new IOException("model has " + weights.length + " weights, its options need " + expected);
        }
        return new SentimentModel(options, new Lexicon(scores), new LinearModel(LABELS.length, weights), encoder);
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
}
