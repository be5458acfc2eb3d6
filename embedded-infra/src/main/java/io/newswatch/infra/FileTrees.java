package io.newswatch.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Recursive copy, delete and tail of files. */
final class FileTrees {

    private static final Logger LOG = LoggerFactory.getLogger(FileTrees.class);
    private static final int TAIL_BYTES = 64 * 1024;

    private FileTrees() {
    }

    /** Copies the directory tree {@code source} to {@code target} (created), without links. */
    static void copy(Path source, Path target) {
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                        throws IOException {
                    Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, target.resolve(source.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
        }
    }

    /** Deletes a directory tree; returns false (and logs why) when something is left. */
    static boolean deleteQuietly(Path root) {
        try {
            delete(root);
            return true;
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete {}: {}", root, e.toString());
            return false;
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Returns the last {@code count} lines of a text file, or none when it cannot be read. */
    static List<String> tail(Path file, int count) {
        List<String> lines = lastLines(file, TAIL_BYTES);
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    /**
     * Returns the last {@code count} lines matching {@code pattern} in the final
     * {@code scanBytes} of a text file.
     */
    static List<String> lastMatching(Path file, Pattern pattern, int count, int scanBytes) {
        List<String> matching = lastLines(file, scanBytes).stream()
                .filter(line -> pattern.matcher(line).find())
                .collect(Collectors.toList());
        return matching.subList(Math.max(0, matching.size() - count), matching.size());
    }

    /** Returns the complete lines in the last {@code maxBytes} of a file (UTF-8, lenient). */
    private static List<String> lastLines(Path file, int maxBytes) {
        if (file == null || !Files.isReadable(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - maxBytes);
            byte[] bytes = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(bytes);
            if (bytes.length == 0) {
                return List.of();
            }
            List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            // The first line is cut when reading started mid-file.
            return start == 0 ? lines : lines.subList(Math.min(1, lines.size()), lines.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e + ")");
        }
    }
}
