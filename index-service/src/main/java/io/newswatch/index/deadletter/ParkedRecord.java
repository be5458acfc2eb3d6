package io.newswatch.index.deadletter;

import io.newswatch.events.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record parked in {@code news.dlq}: why and where from ({@link DeadLetter}, from its headers)
 * and the original key and value, byte for byte.
 *
 * @param dlqPartition its partition in {@code news.dlq}
 * @param dlqOffset    its offset there
 * @param letter       the reason and origin
 * @param key          the original key, or null
 * @param value        the original value, or null
 */
public record ParkedRecord(int dlqPartition, long dlqOffset, DeadLetter letter, byte[] key, byte[] value) {
    /** How much of the value a listing shows. */
    static final int PREVIEW_CHARS = 300;

    /** True when it came from a topic (not a page ingest-service could not fetch), so it can be replayed. */
    public boolean replayable() {
        return letter.sourceTopic() != null;
    }

    /** The listing line: the facts, the key and the start of the value as text. */
    public Map<String, Object> describe() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("dlqPartition", dlqPartition);
        line.put("dlqOffset", dlqOffset);
        line.put("failedAt", letter.failedAt());
        line.put("service", letter.service());
        line.put("reason", letter.reason());
        line.put("errorClass", letter.errorClass());
        line.put("sourceTopic", letter.sourceTopic());
        line.put("sourcePartition", letter.sourcePartition() < 0 ? null : letter.sourcePartition());
        line.put("sourceOffset", letter.sourceOffset() < 0 ? null : letter.sourceOffset());
        line.put("sourceUrl", letter.sourceUrl());
        line.put("key", key == null ? null : new String(key, StandardCharsets.UTF_8));
        line.put("valueBytes", value == null ? 0 : value.length);
        line.put("valuePreview", value == null ? null : preview(value));
        return line;
    }

    private static String preview(byte[] value) {
        String text = new String(value, 0, Math.min(value.length, PREVIEW_CHARS * 4), StandardCharsets.UTF_8);
        return text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS) + "…";
    }
}
