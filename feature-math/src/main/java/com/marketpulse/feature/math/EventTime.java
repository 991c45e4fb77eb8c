package com.marketpulse.feature.math;

import java.time.Instant;

/** Event times as nanoseconds since the epoch (a long holds them until the year 2262). */
public final class EventTime {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private EventTime() {
    }

    public static long toNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }

    public static Instant toInstant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND),
                Math.floorMod(epochNanos, NANOS_PER_SECOND));
    }
}
