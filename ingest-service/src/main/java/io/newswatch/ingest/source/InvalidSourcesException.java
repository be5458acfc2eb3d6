package io.newswatch.ingest.source;

/** A sources file cannot be used; the message names the file, the line and the field. */
public final class InvalidSourcesException extends RuntimeException {
    private final String file;
    private final int line;

    InvalidSourcesException(String file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** The file (or classpath resource) that is invalid. */
    public String file() {
        return file;
    }

    /** The line of the problem, or 0 when unknown. */
    public int line() {
        return line;
    }
}
