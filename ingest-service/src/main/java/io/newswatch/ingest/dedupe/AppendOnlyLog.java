package io.newswatch.ingest.dedupe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A durable append-only file of tab-separated lines: every append is forced to disk before it
 * returns; a last line a crash cut short is dropped when the file is opened. Optionally locked,
 * so that two services cannot share one state directory. Not thread-safe: callers synchronise.
 */
final class AppendOnlyLog implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    private final List<String[]> lines;

    private AppendOnlyLog(FileChannel channel, FileLock lock, List<String[]> lines) {
        this.channel = channel;
        this.lock = lock;
        this.lines = lines;
    }

    /** Opens (creating it) {@code file}; with {@code exclusive}, fails when another process has it open so. */
    static AppendOnlyLog open(Path file, boolean exclusive) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = exclusive ? lockOrFail(channel, file) : null;
            return new AppendOnlyLog(channel, lock, readComplete(file, channel));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The lines the file held when opened, split at tabs. */
    List<String[]> linesAtOpen() {
        return lines;
    }

    /** Appends {@code newLines} (each without its newline; fields already joined with tabs) and forces them to disk. */
    void append(List<String> newLines) throws IOException {
        if (newLines.isEmpty()) return;
        StringBuilder text = new StringBuilder();
        newLines.forEach(line -> text.append(line.replace("\n", " ")).append('\n'));
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) channel.write(bytes);
        channel.force(false);
    }

    /**
     * Replaces the content of {@code file} (closed) by {@code lines}, atomically: a new file beside it, forced to
     * disk, then moved over the old one, so a crash leaves the old file or the new one, never a mix.
     */
    static void rewrite(Path file, List<String> lines) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.replace("\n", " ")).append('\n'));
        try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) out.write(bytes);
            out.force(true);
        }
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) return;
        if (lock != null) lock.release();
        channel.close();
    }

    private static List<String[]> readComplete(Path file, FileChannel channel) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        String complete = content.substring(0, content.lastIndexOf('\n') + 1);
        if (complete.length() < content.length()) {
            channel.truncate(complete.getBytes(StandardCharsets.UTF_8).length);
        }
        channel.position(channel.size()); // append from here on
        List<String[]> lines = new ArrayList<>();
        for (String line : complete.split("\n")) {
            if (!line.isEmpty()) lines.add(line.split("\t", -1));
        }
        return lines;
    }

    private static FileLock lockOrFail(FileChannel channel, Path file) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) return lock;
        } catch (OverlappingFileLockException e) {
            // held by this JVM: same answer
        }
        throw new IOException("state directory " + file.toAbsolutePath().getParent()
                + " is in use by another ingest-service");
    }
}
