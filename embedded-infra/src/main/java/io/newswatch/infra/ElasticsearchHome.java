package io.newswatch.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Finds the unpacked Elasticsearch distribution: {@code -Dnewswatch.es.home}, else the
 * {@code NEWSWATCH_ES_HOME} environment variable, else the directory the embedded-infra build
 * unpacked it into (recorded in {@code io/newswatch/infra/embedded-infra.properties}).
 */
final class ElasticsearchHome {

    /** The system property naming the distribution directory. */
    static final String PROPERTY = "newswatch.es.home";
    /** The environment variable naming the distribution directory. */
    static final String ENV = "NEWSWATCH_ES_HOME";
    /** The build-time resource recording where the build unpacked the distribution. */
    static final String RESOURCE = "io/newswatch/infra/embedded-infra.properties";

    private ElasticsearchHome() {
    }

    /**
     * Returns the distribution directory.
     *
     * @throws EmbeddedInfraException when it is missing or is not an Elasticsearch home
     */
    static Path locate() {
        return locate(System.getProperty(PROPERTY), System.getenv(ENV), buildInfo());
    }

    static Path locate(String property, String env, Properties buildInfo) {
        String source;
        String value;
        if (isSet(property)) {
            source = "system property " + PROPERTY;
            value = property;
        } else if (isSet(env)) {
            source = "environment variable " + ENV;
            value = env;
        } else {
            source = RESOURCE + " (written by the embedded-infra build)";
            value = buildInfo.getProperty("elasticsearch.home");
        }
        if (!isSet(value)) {
            throw missing("no Elasticsearch home is configured in " + source);
        }
        Path home = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isRegularFile(home.resolve("bin/elasticsearch"))
                || !Files.isDirectory(home.resolve("lib"))) {
            throw missing("the Elasticsearch distribution is missing at " + home + " (from " + source + ")");
        }
        return home;
    }

    /** Returns the properties the build recorded, or none when the resource is absent. */
    static Properties buildInfo() {
        Properties props = new Properties();
        try (InputStream in = ElasticsearchHome.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return props;
    }

    private static EmbeddedInfraException missing(String why) {
        return new EmbeddedInfraException("Cannot start Elasticsearch: " + why + ". Run"
                + " `mvn -pl embedded-infra package` to unpack it, or point " + ENV + " (or -D"
                + PROPERTY + ") at an unpacked Elasticsearch 8.19 distribution.");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
