package com.marketpulse.ingestion.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A pacer on a virtual clock: waiting moves the clock, and every wait is recorded. */
final class VirtualPacer implements Pacer {

    private Instant now = Instant.parse("2030-01-01T00:00:00Z");
    private final Instant start = now;
    final List<Duration> waitedUntil = new ArrayList<>();

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void waitUntil(Instant wallTime) {
        waitedUntil.add(Duration.between(start, wallTime));
        if (wallTime.isAfter(now)) {
            now = wallTime;
        }
    }

    Duration elapsed() {
        return Duration.between(start, now);
    }
}
