package io.newswatch.infra;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Failures that must be reported before any process starts. */
class ElasticsearchPreconditionsTest {

    @Test
    void refusesAPortThatIsAlreadyBound() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            EmbeddedInfraException e = assertThrows(EmbeddedInfraException.class,
                    () -> EmbeddedElasticsearch.start(ElasticsearchOptions.defaults().withHttpPort(port)));

            assertTrue(e.getMessage().contains("127.0.0.1:" + port + " is already in use"),
                    e.getMessage());
        }
    }

    @Test
    void aMissingDistributionSaysHowToGetIt() {
        EmbeddedInfraException e = assertThrows(EmbeddedInfraException.class,
                () -> ElasticsearchHome.locate(null, "/nonexistent/elasticsearch", new Properties()));

        assertTrue(e.getMessage().contains("/nonexistent/elasticsearch"), e.getMessage());
        assertTrue(e.getMessage().contains("NEWSWATCH_ES_HOME"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -pl embedded-infra package"), e.getMessage());
    }

    @Test
    void theBuildRecordsTheUnpackedDistribution() {
        assertTrue(ElasticsearchHome.locate(null, null, ElasticsearchHome.buildInfo())
                .endsWith("elasticsearch-8.19.21"));
    }
}
