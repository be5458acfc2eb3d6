package io.newswatch.enrich.sentiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SentenceEncoderTest {
    private static final SentenceEncoder ENCODER = SentenceEncoder.shared();

    @Test
    void encodingRunsOnTheCallersThreadAndStartsNoOther() {
        ENCODER.encode("Warm-up.");
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        List<float[]> vectors = ENCODER.encodeAll(List.of("The talks were a great success.",
                "Protesters blamed the government for the disaster.", "The ministers met in Brussels on Tuesday."));
        Set<String> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive()).map(Thread::getName).collect(Collectors.toSet());
        assertEquals(Set.of(), started, "no thread pool of langchain4j or ONNX Runtime");
        assertEquals(3, vectors.size());
        for (float[] vector : vectors) {
            double norm = 0;
            for (float x : vector) norm += x * x;
            assertEquals(1.0, norm, 1e-4, "unit vectors");
        }
    }

    @Test
    void theSameSentenceAlwaysGetsTheSameVector() {
        String sentence = "Critics accused the minister of corruption.";
        assertArrayEquals(ENCODER.encode(sentence), ENCODER.encode(sentence));
        assertEquals(SentenceEncoder.DIMENSION, ENCODER.encode(sentence).length);
    }

    @Test
    void aTextWithNothingToReadGetsTheZeroVectorInsteadOfAnError() {
        float[] vector = ENCODER.encode("\u200b\u200b");
        assertArrayEquals(new float[SentenceEncoder.DIMENSION], vector);
        assertTrue(SentenceEncoder.NAME.startsWith("all-minilm-l6-v2@1."), SentenceEncoder.NAME);
    }
}
