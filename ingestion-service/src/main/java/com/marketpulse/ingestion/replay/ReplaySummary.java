package com.marketpulse.ingestion.replay;

import java.time.Instant;

/** What a replay did: rows read (trades + bad rows), trades published, bad rows skipped, labels found. */
public record ReplaySummary(long read, long published, long skipped, long labels, Instant firstTrade,
                            Instant lastTrade) {
}
