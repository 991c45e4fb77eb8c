package com.marketpulse.files.archive;

/**
 * One row of the archive: an event and the Kafka record it was read from.
 *
 * @param event     the trade, quote or bar
 * @param partition the partition of its topic
 * @param offset    the offset within that partition
 * @param <E>       the event record
 */
public record Archived<E>(E event, int partition, long offset) {
}
