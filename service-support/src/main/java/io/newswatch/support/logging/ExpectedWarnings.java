package io.newswatch.support.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Drops the few warnings libraries log about choices newswatch makes on purpose, each at its one call (a logger
 * and a piece of its message), so that a clean start logs no WARN line and a WARN in the log means something.
 * Every other line of those loggers still passes. Installed by {@code logback.xml}.
 */
public final class ExpectedWarnings extends TurboFilter {
    /** Set to {@code true} by the demo, whose state lives in a temporary directory by design. */
    public static final String EPHEMERAL_STATE_PROPERTY = "newswatch.ephemeral-state";

    /** One expected warning and why it is harmless. */
    record Expected(String logger, String fragment, boolean ephemeralStateOnly, String why) {}

    static final List<Expected> EXPECTED = List.of(
            new Expected("ai.djl.util.cuda.CudaUtils", "Failed to detect GPU count", false,
                    "DJL probes for CUDA at every start and has no switch to skip it; the sentence encoder runs"
                            + " on the CPU on purpose"),
            new Expected("org.apache.kafka.clients.NetworkClient", "-repartition=UNKNOWN_TOPIC_OR_PARTITION", false,
                    "the stream's consumer asks for its repartition topic before the group leader has created it"
                            + " in the first rebalance; a topic that stays missing fails the stream loudly"),
            new Expected("org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils",
                    "Not updating last stable offset", false,
                    "the global rule table's consumer drops its assignment after restoring, while an offset"
                            + " answer is in flight; it reads on from its own checkpoint"),
            new Expected("org.apache.kafka.streams.processor.internals.StateDirectory", "Using an OS temp directory",
                    true, "the demo keeps all state in one temporary directory and deletes it when it stops"));

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (level != Level.WARN || logger == null || format == null) {
            return FilterReply.NEUTRAL; // the common case, on every log call: decided without a lookup
        }
        for (Expected expected : EXPECTED) {
            if (expected.logger().equals(logger.getName()) && matches(expected, format, params)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }

    private static boolean matches(Expected expected, String format, Object[] params) {
        if (expected.ephemeralStateOnly() && !Boolean.getBoolean(EPHEMERAL_STATE_PROPERTY)) {
            return false;
        }
        if (format.contains(expected.fragment())) {
            return true;
        }
        return params != null && params.length > 0
                && MessageFormatter.arrayFormat(format, params).getMessage().contains(expected.fragment());
    }
}
