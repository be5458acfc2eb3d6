package io.newswatch.index.web;

import io.javalin.http.HttpStatus;

/** A request refused before any handler ran: the status, a short error and a message that says what to change. */
final class RefusedRequestException extends RuntimeException {
    private final HttpStatus status;
    private final String error;

    RefusedRequestException(HttpStatus status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    HttpStatus status() {
        return status;
    }

    String error() {
        return error;
    }
}
