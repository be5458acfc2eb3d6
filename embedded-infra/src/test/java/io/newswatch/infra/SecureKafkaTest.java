package io.newswatch.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A broker that requires SASL_SSL: clients with the login get in, others are refused clearly. */
class SecureKafkaTest {

    private static final String PASSWORD = "s3cret-broker-pass";
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.start(KafkaOptions.defaults()
                .withSecurity(KafkaSecurity.saslSsl("newswatch", PASSWORD)));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void clientsWithTheLoginAndTrustStoreProduceAndConsume() throws Exception {
        Map<String, String> client = kafka.clientProperties();
        assertEquals("SASL_SSL", client.get("security.protocol"));
        assertTrue(Files.isRegularFile(java.nio.file.Path.of(client.get("ssl.truststore.location"))));

        KafkaClients.produce(kafka.bootstrapServers(), client, "secure-topic", "k", "over TLS");

        assertEquals("over TLS",
                KafkaClients.consume(kafka.bootstrapServers(), client, "secure-topic", 1).get(0).value());
    }

    @Test
    void aWrongPasswordIsRefusedAsAnAuthenticationFailure() {
        Map<String, String> wrong = new HashMap<>(kafka.clientProperties());
        wrong.put("sasl.jaas.config", KafkaSecurity.saslSsl("newswatch", "not-the-password").clientJaas());

        Throwable cause = describeCluster(wrong);

        assertInstanceOf(SaslAuthenticationException.class, cause, String.valueOf(cause));
    }

    @Test
    void aPlaintextClientCannotTalkToTheBroker() {
        Map<String, String> plaintext = Map.of();

        Throwable cause = describeCluster(plaintext);

        // A plaintext client gets no answer it understands from a TLS port: it times out.
        assertFalse(cause instanceof SslAuthenticationException, String.valueOf(cause));
        assertTrue(cause instanceof org.apache.kafka.common.errors.TimeoutException, String.valueOf(cause));
    }

    @Test
    void theBrokerConfigurationHasNoPlaintextClientListener() throws Exception {
        String config = Files.readString(kafka.directory().resolve(KafkaServerConfig.FILE_NAME));

        assertFalse(config.contains("PLAINTEXT\\://"), config);
        assertTrue(config.contains("SECURE\\:SASL_SSL"), config);
        assertFalse(kafka.toString().contains(PASSWORD));
        assertFalse(KafkaSecurity.saslSsl("u", PASSWORD).toString().contains(PASSWORD));
    }

    private static Throwable describeCluster(Map<String, String> clientProperties) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        try (Admin admin = Admin.create(config)) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> admin.describeCluster().nodes().get(20, TimeUnit.SECONDS));
            return e.getCause();
        }
    }
}
