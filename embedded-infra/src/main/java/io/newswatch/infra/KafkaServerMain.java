package io.newswatch.infra;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * Entry point of the broker's child JVM started by {@link EmbeddedKafka}; not an API.
 *
 * <p>Usage: {@code KafkaServerMain server.properties}. It exits when its stdin reaches end of
 * file (the parent JVM died or closed the pipe), formats the storage on first use with a new
 * cluster id, then runs {@code kafka.Kafka}.
 */
public final class KafkaServerMain {

    /** Exit code when the arguments are wrong. */
    static final int EXIT_USAGE = 2;
    /** Exit code when formatting the storage fails. */
    static final int EXIT_FORMAT_FAILED = 3;

    private static final long HALT_AFTER_SECONDS = 30;

    private KafkaServerMain() {
    }

    /**
     * Runs the broker.
     *
     * @param args the path of the broker's server.properties
     * @throws Exception when the broker fails to start
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KafkaServerMain <server.properties>");
            System.exit(EXIT_USAGE);
        }
        exitWhenStdinCloses();
        formatIfNeeded(Path.of(args[0]));
        kafka.Kafka.main(new String[] {args[0]});
    }

    /** Stops the JVM (running Kafka's shutdown hook) once the parent closes our stdin. */
    private static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            drain(System.in);
            System.out.println("KafkaServerMain: stdin closed (parent stopping or gone); shutting down");
            haltLater();
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) != -1) {
                // The parent never writes; anything it sends is ignored.
            }
        } catch (IOException e) {
            System.out.println("KafkaServerMain: reading stdin failed: " + e);
        }
    }

    /** Halts the JVM if a clean shutdown takes too long. */
    private static void haltLater() {
        Thread halter = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(HALT_AFTER_SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        }, "halt-watchdog");
        halter.setDaemon(true);
        halter.start();
    }

    /**
     * Formats the log directory when it has no {@code meta.properties} yet, like
     * {@code kafka-storage.sh format -t <new id> -c server.properties}.
     * {@code StorageTool.execute} returns a code instead of calling {@code System.exit}.
     */
    private static void formatIfNeeded(Path serverProperties) throws IOException {
        Path logDir = Path.of(load(serverProperties).getProperty("log.dirs").split(",")[0]);
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        String[] format = {"format", "--cluster-id", clusterId, "--config", serverProperties.toString()};
        int code;
        try {
            code = kafka.tools.StorageTool.execute(format, System.out);
        } catch (Exception e) {
            System.err.println("KafkaServerMain: formatting " + logDir + " failed: " + e);
            code = EXIT_FORMAT_FAILED;
        }
        if (code != 0) {
            System.exit(EXIT_FORMAT_FAILED);
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties props = new Properties();
        try (InputStream in = new FileInputStream(file.toFile())) {
            props.load(in);
        }
        return props;
    }
}
