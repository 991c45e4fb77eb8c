package com.marketpulse.detection.archive;

import com.marketpulse.events.Tick;

/**
 * One row of the archive: a tick and the Kafka record it was read from.
 *
 * @param partition the partition of market.crypto
 * @param offset    the offset within that partition
 */
public record ArchivedTick(Tick tick, int partition, long offset) {
}
