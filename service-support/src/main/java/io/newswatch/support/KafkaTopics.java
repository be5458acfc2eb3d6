package io.newswatch.support;

import io.newswatch.events.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics a service needs when they do not exist yet, with their settings. */
public final class KafkaTopics {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);
    private static final Duration LEADER_WAIT = Duration.ofSeconds(30);

    private KafkaTopics() {}

    /**
     * Makes sure every topic exists. Existing topics are left as they are.
     *
     * @param clientProps       Kafka client properties (bootstrap servers, security)
     * @param replicationFactor replicas of new topics (1 for a single local broker)
     */
    public static void ensure(Map<String, Object> clientProps, List<Topic<?, ?>> topics, short replicationFactor) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), t.partitions(), replicationFactor).configs(t.config()))
                    .toList();
            if (missing.isEmpty()) return;
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                awaitCreated(entry.getKey(), entry.getValue());
            }
            awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(cannotList(props) + describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(cannotList(props) + "no answer within 60 s", e);
        }
    }

    private static String cannotList(Map<String, Object> props) {
        return "cannot list topics on " + props.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + ": ";
    }

    /**
     * Says what went wrong in words an operator can act on. Kafka's own messages never contain the
     * password, so they are safe to show.
     */
    public static String describe(Throwable error) {
        if (error instanceof AuthenticationException) {
            return "the broker refused the login (" + error.getMessage()
                    + "); check the kafka.client.* security settings (NEWSWATCH_KAFKA_CLIENT_*)";
        }
        if (error instanceof org.apache.kafka.common.errors.TimeoutException) {
            return "no answer (" + error.getMessage() + "); is the broker up, and do kafka.client.security.protocol"
                    + " and the listener agree (TLS vs plaintext)?";
        }
        return String.valueOf(error);
    }

    /**
     * The controller acknowledges a new topic before the brokers' metadata shows it: a client that
     * looks it up at once can see no partitions. Wait until every partition has a leader.
     */
    private static void awaitLeaders(Admin admin, List<String> names) throws InterruptedException {
        long deadline = System.nanoTime() + LEADER_WAIT.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                        .get(LEADER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (described.values().stream().allMatch(KafkaTopics::hasLeaders)) return;
            } catch (ExecutionException | TimeoutException e) {
                // not visible yet (UnknownTopicOrPartition) or no answer: ask again until the deadline
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + names + " created but without leaders after " + LEADER_WAIT);
            }
            Thread.sleep(100);
        }
    }

    private static boolean hasLeaders(TopicDescription topic) {
        return !topic.partitions().isEmpty() && topic.partitions().stream().allMatch(p -> p.leader() != null);
    }

    private static void awaitCreated(String name, org.apache.kafka.common.KafkaFuture<Void> future)
            throws InterruptedException, TimeoutException {
        try {
            future.get(60, TimeUnit.SECONDS);
            LOG.info("created topic {}", name);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e.getCause());
            }
        }
    }
}
