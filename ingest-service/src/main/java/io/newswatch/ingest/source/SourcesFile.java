package io.newswatch.ingest.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.support.ConfigException;
import io.newswatch.support.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the YAML file that lists the sources:
 * <pre>
 * sources:
 *   - name: sample-news
 *     type: feed          # feed, sitemap, section, page or files
 *     url: http://127.0.0.1:8090/feed.xml
 *     poll: 5m            # optional, poll.default-interval otherwise
 *     allowPrivate: true  # optional, false otherwise
 *   - name: civilnet-politics
 *     type: section
 *     url: https://www.civilnet.am/en/news/politics/
 *     linkPattern: /en/news/\d+/    # regex found in the absolute URL of each article link
 *   - name: archive
 *     type: files
 *     path: backfill/2024       # a file or folder, relative to the sources file
 * </pre>
 * Mistakes are reported with the file, the line and the field. See ingest-service/README.md.
 */
public final class SourcesFile {
    /** The classpath resource used when no file is configured. */
    public static final String DEFAULT_RESOURCE = "sources-default.yml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SourcesFile() {}

    /** The sources in {@code file}; a source without {@code poll} is polled every {@code defaultPoll}. */
    public static List<Source> load(Path file, Duration defaultPoll) {
        try (InputStream in = Files.newInputStream(file)) {
            Path dir = file.toAbsolutePath().getParent();
            return parse(in, file.toString(), defaultPoll, dir);
        } catch (IOException e) {
            throw new InvalidSourcesException(file.toString(), 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The bundled default sources ({@value #DEFAULT_RESOURCE}). */
    public static List<Source> loadDefault(Duration defaultPoll) {
        try (InputStream in = SourcesFile.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new InvalidSourcesException(DEFAULT_RESOURCE, 0, "is not on the classpath", null);
            return parse(in, "classpath:" + DEFAULT_RESOURCE, defaultPoll, Path.of("").toAbsolutePath());
        } catch (IOException e) {
            throw new InvalidSourcesException(DEFAULT_RESOURCE, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    static List<Source> parse(InputStream yaml, String name, Duration defaultPoll) throws IOException {
        return parse(yaml, name, defaultPoll, Path.of("").toAbsolutePath());
    }

    /** The sources in {@code yaml}; relative {@code path:}s are resolved against {@code baseDir}. */
    static List<Source> parse(InputStream yaml, String name, Duration defaultPoll, Path baseDir) throws IOException {
        FileShape shape;
        try {
            shape = YAML.readValue(yaml, FileShape.class);
        } catch (JsonMappingException e) {
            throw invalid(name, e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidSourcesException(name, line, "is not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (shape == null || shape.sources() == null) {
            throw new InvalidSourcesException(name, 0, "has no 'sources:' list", null);
        }
        List<Source> sources = shape.sources().stream().map(s -> s.toSource(defaultPoll, baseDir)).toList();
        requireUniqueNames(name, sources);
        return sources;
    }

    private static InvalidSourcesException invalid(String name, JsonMappingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String where = path(e);
        String problem = e instanceof ValueInstantiationException && e.getCause() != null
                ? e.getCause().getMessage() : e.getOriginalMessage();
        return new InvalidSourcesException(name, line, describe(e) + problem + (where.isEmpty() ? "" : " (at " + where + ")"), e);
    }

    /** Where in the file, as {@code sources[1].url}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            else if (ref.getIndex() >= 0) path.append('[').append(ref.getIndex()).append(']');
        }
        return path.toString();
    }

    private static String describe(JsonMappingException e) {
        return e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u
                ? "unknown field '" + u.getPropertyName() + "' (known: name, type, url, path, linkPattern, poll, allowPrivate): "
                : "";
    }

    private static void requireUniqueNames(String file, List<Source> sources) {
        Set<String> seen = new HashSet<>();
        for (Source s : sources) {
            if (!seen.add(s.name())) {
                throw new InvalidSourcesException(file, 0, "name: '" + s.name() + "' is used by two sources", null);
            }
        }
    }

    /** The file as written. */
    record FileShape(@JsonProperty("sources") List<Entry> sources) {}

    /** One source as written; checked when built so that errors carry the line. */
    record Entry(String name, SourceType type, String location, String poll, boolean allowPrivate,
                 String linkPattern) {
        @JsonCreator
        Entry(@JsonProperty(value = "name", required = true) String name,
              @JsonProperty(value = "type", required = true) String type,
              @JsonProperty("url") String url,
              @JsonProperty("path") String path,
              @JsonProperty("linkPattern") String linkPattern,
              @JsonProperty("poll") String poll,
              @JsonProperty("allowPrivate") Boolean allowPrivate) {
            this(requireName(name), SourceType.named(type), location(SourceType.named(type), url, path), poll,
                    Boolean.TRUE.equals(allowPrivate), linkPattern);
            if (poll != null) duration(poll);
            if (!this.type.isLocal()) uri(location);
            Source.requireLinkPattern(this.type, linkPattern);
        }

        Source toSource(Duration defaultPoll, Path baseDir) {
            URI where = type.isLocal() ? baseDir.resolve(location).normalize().toUri() : uri(location);
            return new Source(name, type, where, poll == null ? defaultPoll : duration(poll), allowPrivate,
                    linkPattern);
        }

        private static String location(SourceType type, String url, String path) {
            if (type.isLocal()) {
                if (path == null || path.isBlank()) throw new IllegalArgumentException("path: is required for a files source");
                if (url != null) throw new IllegalArgumentException("url: a files source has a path, not a url");
                return path.strip();
            }
            if (path != null) throw new IllegalArgumentException("path: only files sources have one (use url)");
            if (url == null) throw new IllegalArgumentException("url: is required");
            return url;
        }

        private static String requireName(String name) {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("name: is required");
            return name.strip();
        }

        private static URI uri(String url) {
            try {
                URI uri = URI.create(url.strip());
                if (uri.getHost() == null || !uri.getScheme().matches("(?i)https?")) throw new IllegalArgumentException();
                return uri;
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("url: '" + url + "' is not an absolute http(s) URL");
            }
        }

        private static Duration duration(String poll) {
            try {
                Duration d = Settings.of(Map.of("poll", poll)).duration("poll");
                if (d.isZero() || d.isNegative()) throw new ConfigException("zero");
                return d;
            } catch (ConfigException e) {
                throw new IllegalArgumentException("poll: '" + poll + "' is not a positive duration such as 30s, 5m, 1h");
            }
        }
    }
}
