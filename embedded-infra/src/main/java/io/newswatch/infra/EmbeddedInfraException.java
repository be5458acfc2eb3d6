package io.newswatch.infra;

/**
 * Thrown when an embedded Kafka broker or Elasticsearch node cannot be prepared or started.
 * The message says why (port in use, process exit code, timeout, missing distribution) and,
 * when the process got far enough to write one, ends with the last lines of its log.
 */
public class EmbeddedInfraException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and why
     */
    public EmbeddedInfraException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed and why
     * @param cause the underlying error
     */
    public EmbeddedInfraException(String message, Throwable cause) {
        super(message, cause);
    }
}
