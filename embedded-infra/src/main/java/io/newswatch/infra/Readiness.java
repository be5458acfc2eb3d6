package io.newswatch.infra;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a starting child process to become ready, failing fast when it exits and with a
 * clear message when the deadline passes.
 */
final class Readiness {

    /** One check of readiness; an exception means "not yet" and is kept for the message. */
    @FunctionalInterface
    interface Probe {
        boolean ready() throws Exception;
    }

    private static final long POLL_MILLIS = 200;

    private final String what;
    private final ChildProcess process;
    private final Duration timeout;
    private final long deadlineNanos;
    private final int tailLines;
    private final Optional<String> note;
    private String lastProblem = "";

    /**
     * @param what what is starting, for messages ("Kafka broker at 127.0.0.1:9092")
     * @param timeout the total time allowed, from now
     * @param tailLines how many log lines a failure message shows
     * @param note added to failure messages, e.g. a memory shortage
     */
    Readiness(String what, ChildProcess process, Duration timeout, int tailLines,
            Optional<String> note) {
        this.what = what;
        this.process = process;
        this.timeout = timeout;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.tailLines = tailLines;
        this.note = note;
    }

    /** Returns the time left before the deadline (zero once passed). */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /**
     * Polls {@code probe} until it returns true.
     *
     * @throws EmbeddedInfraException when the process exits or the deadline passes first
     */
    void await(Probe probe) {
        while (true) {
            if (check(probe)) {
                return;
            }
            if (!process.isAlive()) {
                throw fail("the process exited with code " + process.exitCode().orElse(-1));
            }
            if (remaining().isZero()) {
                throw fail("not ready after " + Durations.format(timeout) + lastProblem);
            }
            sleep();
        }
    }

    private boolean check(Probe probe) {
        try {
            return probe.ready();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedInfraException("Interrupted while waiting for " + what, e);
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            lastProblem = " (last check: " + cause + ")";
            return false;
        }
    }

    private void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(Math.min(POLL_MILLIS, Math.max(1, remaining().toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedInfraException("Interrupted while waiting for " + what, e);
        }
    }

    private EmbeddedInfraException fail(String reason) {
        return StartupFailure.of(what, reason, process.logFile(), tailLines, note);
    }
}
