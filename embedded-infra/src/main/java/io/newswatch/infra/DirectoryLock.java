package io.newswatch.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a directory (a lock file inside it), held across processes, so that two
 * brokers never share one data directory: the second would overwrite the first's
 * configuration and log before Kafka's own lock stopped it.
 */
final class DirectoryLock implements AutoCloseable {

    private static final String FILE_NAME = ".newswatch-embedded.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir}.
     *
     * @param user who wants it, for the message ("Kafka broker")
     * @throws EmbeddedInfraException when another process or object holds it
     */
    static DirectoryLock acquire(Path dir, String user) {
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new DirectoryLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // Held by this JVM: reported below.
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file, e);
        }
        closeQuietly(channel);
        throw new EmbeddedInfraException(
                dir + " is in use by another running " + user + " (" + file + " is locked)");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel releases it anyway.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}
