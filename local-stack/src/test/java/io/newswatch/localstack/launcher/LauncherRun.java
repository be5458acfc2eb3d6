package io.newswatch.localstack.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One command line run through {@code bash -c} as a user types it, from a working directory of the test's, with
 * the repository's {@code ./newswatch} reachable as {@code ./newswatch} (a symlink in that directory). Its output
 * is kept line by line while it runs, so a long-running command (the demo) can be watched.
 */
final class LauncherRun implements AutoCloseable {
    /** A line a logger wrote at WARN or ERROR, or a JVM/library warning. */
    static final Pattern WARNING = Pattern.compile("\\b(WARN|WARNING|ERROR|SEVERE)\\b");

    private final String commandLine;
    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final Thread[] readers;

    private LauncherRun(String commandLine, Process process) {
        this.commandLine = commandLine;
        this.process = process;
        this.readers = new Thread[] {reader(process.getInputStream(), stdout), reader(process.getErrorStream(), stderr)};
    }

    /** Starts {@code commandLine} in {@code dir} with {@code env} added to this JVM's environment. */
    static LauncherRun start(String commandLine, Path dir, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -o pipefail; " + commandLine).directory(dir.toFile());
        builder.environment().putAll(env);
        return new LauncherRun(commandLine, builder.start());
    }

    /** Runs {@code commandLine} to its end (at most {@code timeout}). */
    static LauncherRun run(String commandLine, Path dir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        LauncherRun run = start(commandLine, dir, env);
        if (!run.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            run.close();
            throw new AssertionError("'" + commandLine + "' did not end within " + timeout + "\n" + run.transcript());
        }
        run.joinReaders();
        return run;
    }

    private Thread reader(InputStream in, List<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "launcher-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void joinReaders() throws InterruptedException {
        for (Thread reader : readers) reader.join(10_000);
    }

    int exitCode() {
        return process.exitValue();
    }

    List<String> stdout() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    List<String> stderr() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    /** Every line of both streams that reads as a warning or an error. */
    List<String> warnings() {
        List<String> found = new ArrayList<>();
        for (List<String> lines : List.of(stdout(), stderr())) {
            lines.stream().filter(line -> WARNING.matcher(line).find()).forEach(found::add);
        }
        return found;
    }

    /** The command and what it printed, for failure messages. */
    String transcript() {
        return "$ " + commandLine + " (exit " + (process.isAlive() ? "-" : process.exitValue()) + ")\n--- stdout\n"
                + String.join("\n", stdout()) + "\n--- stderr\n" + String.join("\n", stderr());
    }

    /** Waits until a line of stdout starts with {@code prefix} and returns it. */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            for (String line : stdout()) {
                if (line.startsWith(prefix)) return line;
            }
            if (!process.isAlive()) break;
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no line starting '" + prefix + "' within " + timeout + "\n" + transcript());
    }

    /** SIGTERM (what Ctrl-C's shutdown hook also handles), then SIGKILL after 60 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        joinReaders();
    }
}
