package io.newswatch.index.web;

/**
 * The body of every API error: what went wrong and where.
 *
 * @param error  short summary, e.g. {@code invalid parameter 'q'}
 * @param detail what is wrong and how to fix it
 */
public record ApiError(String error, String detail) {}
