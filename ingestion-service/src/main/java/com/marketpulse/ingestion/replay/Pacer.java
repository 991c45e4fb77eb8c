package com.marketpulse.ingestion.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits until a wall-clock instant. The real one sleeps; tests pass one that only records the waits. */
public interface Pacer {

    Instant now();

    void waitUntil(Instant wallTime) throws InterruptedException;

    static Pacer wallClock(Clock clock) {
        return new Pacer() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public void waitUntil(Instant wallTime) throws InterruptedException {
                Duration left = Duration.between(clock.instant(), wallTime);
                if (left.isPositive()) {
                    Thread.sleep(left);
                }
            }
        };
    }
}
