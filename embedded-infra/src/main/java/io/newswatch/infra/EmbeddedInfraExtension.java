package io.newswatch.infra;

import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JUnit 5 extension giving tests a real {@link EmbeddedKafka} broker and a real
 * {@link EmbeddedElasticsearch} node as parameters of constructors, lifecycle methods and
 * test methods.
 *
 * <p>Each is started lazily, the first time a test asks for it, and only once per test JVM:
 * every test class using this extension shares it. It lives in the root extension context's
 * store, so JUnit closes it when the test run of the JVM ends (a shutdown hook is the backstop).
 * Both use their default options (127.0.0.1, free ports, 512m heaps, security off).
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedInfraExtension.class)
 * class IndexingIT {
 *   @Test
 *   void indexes(EmbeddedKafka kafka, EmbeddedElasticsearch es) { ... }
 * }
 * }</pre>
 *
 * <p>A test must not close what it was given.
 */
public final class EmbeddedInfraExtension implements ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedInfraExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedInfraExtension.class);

    /** Creates the extension (JUnit does, through {@code @ExtendWith}). */
    public EmbeddedInfraExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedKafka.class || type == EmbeddedElasticsearch.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        if (parameter.getParameter().getType() == EmbeddedKafka.class) {
            return shared(store, EmbeddedKafka.class, "Kafka broker",
                    () -> EmbeddedKafka.start(KafkaOptions.defaults()), EmbeddedKafka::bootstrapServers);
        }
        return shared(store, EmbeddedElasticsearch.class, "Elasticsearch node",
                () -> EmbeddedElasticsearch.start(ElasticsearchOptions.defaults()),
                EmbeddedElasticsearch::httpUrl);
    }

    private static <T extends AutoCloseable> T shared(ExtensionContext.Store store, Class<T> type,
            String what, Supplier<T> starter, Function<T, String> address) {
        return store.getOrComputeIfAbsent(type, key -> {
            long started = System.nanoTime();
            T resource = starter.get();
            LOG.info("Shared {} for this test JVM at {} (started in {})", what,
                    address.apply(resource), Durations.since(started));
            return resource;
        }, type);
    }
}
