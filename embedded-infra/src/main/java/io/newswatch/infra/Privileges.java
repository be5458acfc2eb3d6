package io.newswatch.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Running a child as an unprivileged user. Elasticsearch refuses to run as root, so when this
 * JVM is root the node runs as uid/gid 65534 ({@code nobody}) through {@code setpriv}, from
 * files that user owns. {@code setpriv --pdeathsig TERM} also makes the child receive SIGTERM
 * when this JVM dies.
 */
final class Privileges {

    /** The unprivileged uid and gid ({@code nobody}/{@code nogroup}). */
    static final int UNPRIVILEGED_ID = 65534;

    private static final List<Path> SETPRIV_LOCATIONS =
            List.of(Path.of("/usr/bin/setpriv"), Path.of("/bin/setpriv"));
    private static final Set<PosixFilePermission> EXECUTE = Set.of(
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_EXECUTE);

    private Privileges() {
    }

    /** Returns whether this JVM runs as root. */
    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Returns the setpriv binary, if this machine has one. */
    static Optional<Path> setpriv() {
        return SETPRIV_LOCATIONS.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * Prefixes {@code command} with setpriv: as uid/gid 65534 when {@code asUnprivileged}, and
     * with a parent-death signal in every case. Without setpriv, returns the command unchanged
     * (and fails when a user switch was needed).
     */
    static List<String> wrap(List<String> command, boolean asUnprivileged) {
        Optional<Path> setpriv = setpriv();
        if (setpriv.isEmpty()) {
            if (asUnprivileged) {
                throw new EmbeddedInfraException("Elasticsearch refuses to run as root and setpriv"
                        + " (util-linux) was not found in " + SETPRIV_LOCATIONS
                        + " to run it as uid " + UNPRIVILEGED_ID + "; install util-linux or run as a normal user");
            }
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(setpriv.get().toString()));
        if (asUnprivileged) {
            wrapped.addAll(List.of("--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID,
                    "--clear-groups"));
        }
        wrapped.addAll(List.of("--pdeathsig", "TERM", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Adds execute permission to every regular file directly inside {@code dir}. */
    static void makeExecutable(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                permissions.addAll(EXECUTE);
                Files.setPosixFilePermissions(file, permissions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the files in " + dir + " executable", e);
        }
    }

    /** Changes the owner of a whole tree to uid/gid 65534 (like {@code chown -R}). */
    static void giveToUnprivileged(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                        throws IOException {
                    chown(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    chown(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot chown " + root + " to " + UNPRIVILEGED_ID, e);
        }
    }

    private static void chown(Path path) throws IOException {
        Files.setAttribute(path, "unix:uid", UNPRIVILEGED_ID, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", UNPRIVILEGED_ID, LinkOption.NOFOLLOW_LINKS);
    }
}
