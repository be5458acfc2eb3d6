package io.newswatch.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The {@code server.properties} of a single-node KRaft broker in combined mode. */
final class KafkaServerConfig {

    /** The file name of the broker configuration inside the broker's directory. */
    static final String FILE_NAME = "server.properties";
    /** The sub-directory holding the log (data) directory and the metadata log. */
    static final String DATA_DIR = "data";

    private static final int NODE_ID = 1;

    private KafkaServerConfig() {
    }

    /**
     * Writes the configuration into {@code dir} (replacing the previous one: the ports change
     * from one start to the next) and returns its path.
     */
    static Path write(Path dir, String host, int port, int controllerPort, KafkaSecurity security,
            TlsMaterial tls) {
        Path file = dir.resolve(FILE_NAME);
        Properties props = properties(dir, host, port, controllerPort);
        if (security != null) {
            secure(props, host, port, controllerPort, security, tls);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, "Written by newswatch embedded-infra at each start; edits are lost");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static Properties properties(Path dir, String host, int port, int controllerPort) {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", String.valueOf(NODE_ID));
        // A static quorum: the voter's address comes from this file, not from the metadata log,
        // so a kept data directory survives the controller port changing between starts.
        props.setProperty("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        props.setProperty("listeners",
                "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("log.dirs", dir.resolve(DATA_DIR).toString());
        singleNodeReplication(props);
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        props.setProperty("num.partitions", "3");
        // Small-machine defaults: fewer internal partitions, a smaller log-cleaner buffer.
        props.setProperty("offsets.topic.num.partitions", "10");
        props.setProperty("transaction.state.log.num.partitions", "10");
        props.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(32L << 20));
        return props;
    }

    /**
     * Replaces the plaintext client listener by a SASL_SSL one that the broker also uses for its
     * own connections, so no unauthenticated way in is left besides the controller listener.
     */
    static void secure(Properties props, String host, int port, int controllerPort,
            KafkaSecurity security, TlsMaterial tls) {
        props.setProperty("listeners",
                "SECURE://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        props.setProperty("advertised.listeners", "SECURE://" + host + ":" + port);
        props.setProperty("inter.broker.listener.name", "SECURE");
        props.setProperty("listener.security.protocol.map", "SECURE:SASL_SSL,CONTROLLER:PLAINTEXT");
        props.setProperty("sasl.enabled.mechanisms", "PLAIN");
        props.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
        props.setProperty("listener.name.secure.plain.sasl.jaas.config", security.brokerJaas());
        props.setProperty("listener.name.secure.ssl.keystore.type", "PKCS12");
        props.setProperty("listener.name.secure.ssl.keystore.location", tls.keyStore().toString());
        props.setProperty("listener.name.secure.ssl.keystore.password", tls.password());
        props.setProperty("listener.name.secure.ssl.truststore.type", "PKCS12");
        props.setProperty("listener.name.secure.ssl.truststore.location", tls.trustStore().toString());
        props.setProperty("listener.name.secure.ssl.truststore.password", tls.password());
    }

    private static void singleNodeReplication(Properties props) {
        props.setProperty("default.replication.factor", "1");
        props.setProperty("min.insync.replicas", "1");
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
    }
}
