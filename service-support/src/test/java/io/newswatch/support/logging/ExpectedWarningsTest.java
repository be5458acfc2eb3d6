package io.newswatch.support.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExpectedWarningsTest {
    private final LoggerContext context = new LoggerContext();
    private final ExpectedWarnings filter = new ExpectedWarnings();

    @AfterEach
    void clearProperty() {
        System.clearProperty(ExpectedWarnings.EPHEMERAL_STATE_PROPERTY);
    }

    private FilterReply decide(String logger, Level level, String format, Object... params) {
        Logger log = context.getLogger(logger);
        return filter.decide(null, log, level, format, params, null);
    }

    @Test
    void dropsTheCudaProbeWarningOnly() {
        String cuda = "ai.djl.util.cuda.CudaUtils";
        assertEquals(FilterReply.DENY, decide(cuda, Level.WARN, "Failed to detect GPU count: {} ({})", "driver", 35));
        assertEquals(FilterReply.NEUTRAL, decide(cuda, Level.WARN, "Found cudart: {}", "/usr/lib"));
        assertEquals(FilterReply.NEUTRAL, decide(cuda, Level.ERROR, "Failed to detect GPU count: {} ({})", "x", 1));
        assertEquals(FilterReply.NEUTRAL, decide("other.Logger", Level.WARN, "Failed to detect GPU count"));
    }

    @Test
    void dropsAMissingRepartitionTopicButNotAMissingTopicOfOurs() {
        String client = "org.apache.kafka.clients.NetworkClient";
        String format = "[Consumer clientId={}] The metadata response from the cluster reported a recoverable issue with"
                + " correlation id {} : {}";
        assertEquals(FilterReply.DENY, decide(client, Level.WARN, format, "c", 2,
                Map.of("newswatch-enrich-mentions-repartition", "UNKNOWN_TOPIC_OR_PARTITION")));
        assertEquals(FilterReply.NEUTRAL, decide(client, Level.WARN, format, "c", 2,
                Map.of("news.raw", "UNKNOWN_TOPIC_OR_PARTITION")));
    }

    @Test
    void theTemporaryStateDirectoryIsExpectedOnlyWhereStateIsEphemeral() {
        String stateDirectory = "org.apache.kafka.streams.processor.internals.StateDirectory";
        String format = "Using an OS temp directory in the state.dir property can cause failures. Resolved state.dir: [{}]";
        assertEquals(FilterReply.NEUTRAL, decide(stateDirectory, Level.WARN, format, "/tmp/x"), "a service in /tmp is warned");
        System.setProperty(ExpectedWarnings.EPHEMERAL_STATE_PROPERTY, "true");
        assertEquals(FilterReply.DENY, decide(stateDirectory, Level.WARN, format, "/tmp/x"));
    }

    @Test
    void everyExpectedWarningSaysWhy() {
        ExpectedWarnings.EXPECTED.forEach(e -> assertEquals(true, e.why().length() > 40, e.toString()));
    }
}
