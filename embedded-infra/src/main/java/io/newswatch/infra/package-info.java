/**
 * Real local infrastructure for integration tests and the local demo: a Kafka broker
 * ({@link io.newswatch.infra.EmbeddedKafka}, KRaft combined mode in a child JVM) and an
 * Elasticsearch node ({@link io.newswatch.infra.EmbeddedElasticsearch}, the distribution
 * unpacked by this module's build, run as a child process), plus
 * {@link io.newswatch.infra.EmbeddedInfraExtension}, which gives JUnit 5 tests one of each per
 * test JVM.
 *
 * <p>Both bind to 127.0.0.1 and free ports by default, write their output to a log file
 * instead of the console, stop with their owner (close, JVM shutdown hook, or, if the JVM is
 * killed, end of stdin for the broker and a parent-death signal for the node) and report
 * start failures with the reason and the end of their log.
 *
 * <p>This package depends on no newswatch service.
 */
package io.newswatch.infra;
