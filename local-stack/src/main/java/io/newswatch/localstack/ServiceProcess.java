package io.newswatch.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One newswatch service running as a JVM of its own from its shaded jar, configured through
 * {@code NEWSWATCH_*} variables, with its output in a log file. It can be stopped (SIGTERM), killed
 * (SIGKILL) and started again on the same HTTP port; its /health and /metrics are read over HTTP.
 */
final class ServiceProcess implements AutoCloseable {
    private static final Pattern HEAP_USED =
            Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*}\\s+([0-9.eE+]+)");
    private static final Pattern CPU_TIME =
            Pattern.compile("(?m)^process_cpu_time_ns_total\\{[^}]*}\\s+([0-9.eE+]+)");
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String name;
    private final Path jar;
    private final Map<String, String> env;
    private final String heap;
    private final Path logFile;
    private final int port;
    private Process process;
    private int starts;

    private ServiceProcess(String name, Path jar, Map<String, String> env, String heap, Path logDir, int port) {
        this.name = name;
        this.jar = jar;
        this.env = new TreeMap<>(env);
        this.heap = heap;
        this.logFile = logDir.resolve(name + ".log");
        this.port = port;
    }

    /**
     * A service not started yet, on a free HTTP port (kept across restarts).
     *
     * @param env    its settings as {@code NEWSWATCH_*} variables; {@code NEWSWATCH_HTTP_PORT} and
     *               {@code NEWSWATCH_HTTP_HOST} are added
     * @param heap   its maximum heap, e.g. {@code 512m}
     * @param logDir where {@code NAME.log} receives its output (appended across restarts)
     */
    static ServiceProcess of(String name, Path jar, Map<String, String> env, String heap, Path logDir) {
        return new ServiceProcess(name, jar, env, heap, logDir, freePort());
    }

    /** Starts the JVM and waits until {@code /health} answers 200. */
    synchronized ServiceProcess start(Duration timeout) throws InterruptedException {
        if (process != null && process.isAlive()) throw new IllegalStateException(name + " already runs");
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("NEWSWATCH_HTTP_HOST", "127.0.0.1");
        builder.environment().put("NEWSWATCH_HTTP_PORT", Integer.toString(port));
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "---- start " + (++starts) + " of " + name + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " from " + jar, e);
        }
        awaitHealth(200, timeout);
        return this;
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** Waits until {@code GET /health} answers {@code status} (503: unhealthy); fails if the process exits. */
    void awaitHealth(int status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            if (!isRunning()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile
                        + ":\n" + tail());
            }
            last = healthStatus();
            if (last == status) return;
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " /health did not answer " + status + " within " + timeout
                + " (last " + last + "); see " + logFile + ":\n" + tail());
    }

    /** The status of {@code GET /health}, or -1 when it does not answer. */
    int healthStatus() {
        try {
            return get("/health").statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {@code GET /metrics} as text. */
    String metrics() throws IOException, InterruptedException {
        return get("/metrics").body();
    }

    /** Heap in use now and CPU time since start, from {@code /metrics}; null when it does not answer. */
    Usage usage() {
        try {
            String metrics = metrics();
            OptionalLong heap = sum(HEAP_USED.matcher(metrics));
            OptionalLong cpu = sum(CPU_TIME.matcher(metrics));
            return heap.isPresent() && cpu.isPresent() ? new Usage(heap.getAsLong(), cpu.getAsLong()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * A sample of a service's resources.
     *
     * @param heapUsedBytes heap in use, summed over the heap pools
     * @param cpuNanos      CPU time the JVM used since it started
     */
    record Usage(long heapUsedBytes, long cpuNanos) {}

    private static OptionalLong sum(Matcher m) {
        long sum = 0;
        boolean found = false;
        while (m.find()) {
            sum += (long) Double.parseDouble(m.group(1));
            found = true;
        }
        return found ? OptionalLong.of(sum) : OptionalLong.empty();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code http://127.0.0.1:PORT}. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }

    /** How many times this service was started; a new count is a new JVM. */
    synchronized int starts() {
        return starts;
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook, no clean close. */
    synchronized void kill() throws InterruptedException {
        if (!isRunning()) return;
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException(name + " survived SIGKILL");
    }

    /** SIGTERM, then SIGKILL after 30 s. */
    synchronized void stop() throws InterruptedException {
        if (!isRunning()) return;
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) kill();
    }

    /** The last lines of the log, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (process != null) process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
