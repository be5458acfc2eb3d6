/** What index-service sees of its Kafka cluster as a whole, for {@code /health}. */
package io.newswatch.index.kafka;
