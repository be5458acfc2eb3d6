package io.newswatch.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary directories that record the pid of the JVM owning them, so that the next start
 * deletes those left behind by a JVM that was killed before it could clean up (an
 * Elasticsearch copy is about 120 MB).
 */
final class TemporaryDirectories {

    private static final Logger LOG = LoggerFactory.getLogger(TemporaryDirectories.class);
    private static final String OWNER_FILE = "owner.pid";
    private static final Duration MIN_AGE = Duration.ofMinutes(1);

    private TemporaryDirectories() {
    }

    /** Creates {@code <java.io.tmpdir>/<prefix>NNN} owned by this JVM, after removing stale ones. */
    static Path create(String prefix) {
        Path parent = Path.of(System.getProperty("java.io.tmpdir"));
        deleteStale(parent, prefix);
        try {
            Path dir = Files.createTempDirectory(parent, prefix);
            Files.writeString(dir.resolve(OWNER_FILE), String.valueOf(ProcessHandle.current().pid()),
                    StandardCharsets.US_ASCII);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory in " + parent, e);
        }
    }

    private static void deleteStale(Path parent, String prefix) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path dir : dirs) {
                if (isStale(dir)) {
                    LOG.info("Deleting {} left behind by a JVM that is gone", dir);
                    FileTrees.deleteQuietly(dir);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Cannot look for stale directories in {}: {}", parent, e.toString());
        }
    }

    private static boolean isStale(Path dir) throws IOException {
        OptionalLong owner = owner(dir);
        if (owner.isEmpty() || isAlive(owner.getAsLong())) {
            return false;
        }
        return Files.getLastModifiedTime(dir).toInstant().isBefore(Instant.now().minus(MIN_AGE));
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static OptionalLong owner(Path dir) {
        try {
            return OptionalLong.of(Long.parseLong(
                    Files.readString(dir.resolve(OWNER_FILE), StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
