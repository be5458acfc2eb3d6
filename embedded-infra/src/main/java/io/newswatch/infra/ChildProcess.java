package io.newswatch.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server running as a child process: its output goes to a log file, its stdin stays an open
 * pipe for as long as this JVM lives, and stopping it stops its descendants too.
 *
 * <p>Children are spawned from one long-lived daemon thread, so that a parent-death signal
 * ({@code setpriv --pdeathsig}), which Linux ties to the spawning thread, fires only when this
 * JVM dies.
 */
final class ChildProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration FORCED_STOP_WAIT = Duration.ofSeconds(10);
    private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "newswatch-process-spawner");
        thread.setDaemon(true);
        return thread;
    });

    private final String name;
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code builder} with stdout and stderr written to {@code logFile} (truncated).
     *
     * @param name what the process is, for messages ("Kafka broker")
     * @throws EmbeddedInfraException when the process cannot be spawned
     */
    static ChildProcess start(String name, ProcessBuilder builder, Path logFile) {
        return start(name, builder, logFile, ProcessBuilder.Redirect.to(logFile.toFile()));
    }

    /**
     * Like {@link #start(String, ProcessBuilder, Path)}, appending to {@code logFile}: a restart
     * keeps what the previous run wrote.
     */
    static ChildProcess startAppending(String name, ProcessBuilder builder, Path logFile) {
        return start(name, builder, logFile, ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    }

    private static ChildProcess start(String name, ProcessBuilder builder, Path logFile,
            ProcessBuilder.Redirect output) {
        inOwnSession(builder);
        builder.redirectErrorStream(true)
                .redirectOutput(output)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        try {
            Process process = SPAWNER.submit(builder::start).get();
            LOG.debug("Started {} (pid {}): {}", name, process.pid(), builder.command());
            return new ChildProcess(name, process, logFile);
        } catch (ExecutionException e) {
            throw new EmbeddedInfraException(
                    "Cannot start " + name + " (" + builder.command().get(0) + "): " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedInfraException("Interrupted while starting " + name, e);
        }
    }

    /**
     * Runs the process in a session of its own (setsid) where the machine has it: Ctrl-C in a terminal then
     * reaches only this JVM, whose shutdown stops the children in order (services before their broker),
     * instead of every process of the terminal's group at once. Parent death still stops them (stdin EOF,
     * {@code --pdeathsig}).
     */
    private static void inOwnSession(ProcessBuilder builder) {
        SETSID.stream().filter(Files::isExecutable).findFirst()
                .ifPresent(setsid -> builder.command().add(0, setsid.toString()));
    }

    /**
     * Runs {@code builder} to completion with {@code input} as its stdin (kept off the command
     * line, e.g. a password), failing with its log when it fails or hangs.
     */
    static void run(String name, ProcessBuilder builder, Path logFile, String input,
            Duration timeout) {
        ChildProcess child = start(name, builder, logFile);
        try {
            child.writeInput(input);
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw StartupFailure.of(name, "it did not finish within " + Durations.format(timeout),
                        logFile, 40);
            }
            if (child.process.exitValue() != 0) {
                throw StartupFailure.of(name, "it exited with code " + child.process.exitValue(),
                        logFile, 40);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedInfraException("Interrupted while running " + name, e);
        } finally {
            child.stop(Duration.ofSeconds(5));
        }
    }

    private void writeInput(String input) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.debug("Writing to the stdin of {} failed: {}", name, e.toString());
        }
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Returns the exit code once the process has exited. */
    OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /**
     * Asks the process to stop (SIGTERM), waits up to {@code grace} for it and every descendant
     * alive when the stop began, then kills whatever is left. Safe to call more than once.
     */
    void stop(Duration grace) {
        List<ProcessHandle> tree = liveTree();
        process.destroy();
        List<ProcessHandle> left = awaitExit(tree, grace);
        if (!left.isEmpty()) {
            LOG.warn("{} did not stop within {} s; killing pids {}", name, grace.toSeconds(), pids(left));
            left.forEach(ProcessHandle::destroyForcibly);
            left = awaitExit(left, FORCED_STOP_WAIT);
        }
        if (!left.isEmpty()) {
            LOG.warn("{}: pids {} still alive after SIGKILL", name, pids(left));
        }
        closeStreams();
    }

    /**
     * Whether a server whose process is {@code current} must be started again: not while it runs.
     *
     * @throws IllegalStateException when the server is {@code closed}
     */
    static boolean mustRestart(ChildProcess current, boolean closed, Object server) {
        if (closed) {
            throw new IllegalStateException("closed: " + server);
        }
        return !current.isAlive();
    }

    /** Kills the process and its descendants at once (SIGKILL), as a crash would, and waits for them. */
    void kill() {
        List<ProcessHandle> tree = liveTree();
        tree.forEach(ProcessHandle::destroyForcibly);
        List<ProcessHandle> left = awaitExit(tree, FORCED_STOP_WAIT);
        if (!left.isEmpty()) {
            LOG.warn("{}: pids {} still alive after SIGKILL", name, pids(left));
        }
        closeStreams();
    }

    private List<ProcessHandle> liveTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        return tree;
    }

    /** Waits for the processes to exit; after the root exits its orphans get SIGTERM too. */
    private List<ProcessHandle> awaitExit(List<ProcessHandle> tree, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : tree) {
            if (handle.isAlive() && !process.isAlive()) {
                handle.destroy();
            }
            awaitOne(handle, deadline);
        }
        return tree.stream().filter(ProcessHandle::isAlive).collect(Collectors.toList());
    }

    private static void awaitOne(ProcessHandle handle, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0 || !handle.isAlive()) {
            return;
        }
        CompletableFuture<ProcessHandle> exit = handle.onExit();
        try {
            exit.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.debug("pid {} still alive: {}", handle.pid(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeStreams() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("Closing stdin of {}: {}", name, e.toString());
        }
    }

    private static String pids(List<ProcessHandle> handles) {
        return handles.stream().map(h -> String.valueOf(h.pid())).collect(Collectors.joining(", "));
    }
}
