package io.newswatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A service's settings, read once: the commented defaults file on the classpath
 * ({@code /SERVICE.properties}), then an optional file named by {@code NEWSWATCH_CONFIG}, then
 * environment variables. A key {@code http.port} is overridden by {@code NEWSWATCH_HTTP_PORT}
 * (upper case, dots and dashes as underscores). Services turn this into their typed config record.
 */
public final class Settings {
    /** Environment variables start with this; {@code NEWSWATCH_CONFIG} names an extra settings file. */
    public static final String ENV_PREFIX = "NEWSWATCH_";
    private static final String KAFKA_CLIENT_PREFIX = "kafka.client.";

    private final Map<String, String> values;
    private final Map<String, String> origins;

    private Settings(Map<String, String> values, Map<String, String> origins) {
        this.values = Map.copyOf(values);
        this.origins = Map.copyOf(origins);
    }

    /** The settings of {@code service} from its defaults, {@code NEWSWATCH_CONFIG} and the process environment. */
    public static Settings load(String service) {
        return load(service, System.getenv());
    }

    /** As {@link #load(String)}, with the given environment (for tests). */
    public static Settings load(String service, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        String resource = "/" + service + ".properties";
        try (InputStream in = Settings.class.getResourceAsStream(resource)) {
            if (in == null) throw new ConfigException("defaults file " + resource + " is not on the classpath");
            merge(read(in), "defaults " + resource, values, origins);
        } catch (IOException e) {
            throw new ConfigException("cannot read defaults " + resource + ": " + e.getMessage());
        }
        String file = env.get(ENV_PREFIX + "CONFIG");
        if (file != null && !file.isBlank()) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                merge(read(in), "file " + file, values, origins);
            } catch (IOException e) {
                throw new ConfigException("cannot read settings file " + file + " (NEWSWATCH_CONFIG): " + e);
            }
        }
        for (String key : List.copyOf(values.keySet())) {
            String value = env.get(envName(key));
            if (value != null) {
                values.put(key, value);
                origins.put(key, "environment " + envName(key));
            }
        }
        env.forEach((name, value) -> kafkaClientKey(name).ifPresent(key -> {
            values.put(key, value);
            origins.put(key, "environment " + name);
        }));
        return new Settings(values, origins);
    }

    /** Settings with exactly these values (tests, embedded use). */
    public static Settings of(Map<String, String> values) {
        Map<String, String> origins = new LinkedHashMap<>();
        values.keySet().forEach(k -> origins.put(k, "given"));
        return new Settings(values, origins);
    }

    /** A copy with {@code key} set to {@code value}. */
    public Settings with(String key, String value) {
        Map<String, String> v = new LinkedHashMap<>(values);
        Map<String, String> o = new LinkedHashMap<>(origins);
        v.put(key, value);
        o.put(key, "override");
        return new Settings(v, o);
    }

    /** The environment variable that overrides {@code key}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String string(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new ConfigException("setting " + key + " is required (environment " + envName(key) + ")");
        }
        return value.trim();
    }

    public Optional<String> optional(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public int integer(String key) {
        String value = string(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(key, value, "an integer");
        }
    }

    public boolean bool(String key) {
        String value = string(key).toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) return Boolean.parseBoolean(value);
        throw invalid(key, value, "true or false");
    }

    /** A duration written as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or ISO-8601 ({@code PT5M}). */
    public Duration duration(String key) {
        String value = string(key);
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(key, value, "a duration such as 500ms, 30s, 5m, 2h");
        }
    }

    /** A comma-separated list, blanks dropped. */
    public List<String> list(String key) {
        return optional(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList()).orElse(List.of());
    }

    /**
     * Extra Kafka client properties: every {@code kafka.client.X} setting as {@code X}, e.g.
     * {@code NEWSWATCH_KAFKA_CLIENT_SECURITY_PROTOCOL=SASL_SSL} gives {@code security.protocol}.
     */
    public Map<String, String> kafkaClientProperties() {
        Map<String, String> props = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(KAFKA_CLIENT_PREFIX) && !v.isBlank()) props.put(k.substring(KAFKA_CLIENT_PREFIX.length()), v);
        });
        return props;
    }

    /** Where the value of {@code key} came from, for error messages and start-up logs. */
    public String origin(String key) {
        return origins.getOrDefault(key, "unset");
    }

    private ConfigException invalid(String key, String value, String expected) {
        return new ConfigException("setting " + key + " = '" + value + "' (from " + origin(key) + ") is not "
                + expected);
    }

    private static Optional<String> kafkaClientKey(String envName) {
        String prefix = envName(KAFKA_CLIENT_PREFIX);
        if (!envName.startsWith(prefix) || envName.length() == prefix.length()) return Optional.empty();
        return Optional.of(KAFKA_CLIENT_PREFIX + envName.substring(prefix.length()).toLowerCase(Locale.ROOT)
                .replace('_', '.'));
    }

    private static Properties read(InputStream in) throws IOException {
        Properties props = new Properties();
        try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        return props;
    }

    private static void merge(Properties props, String origin, Map<String, String> values, Map<String, String> origins) {
        props.stringPropertyNames().forEach(k -> {
            values.put(k, props.getProperty(k));
            origins.put(k, origin);
        });
    }
}
