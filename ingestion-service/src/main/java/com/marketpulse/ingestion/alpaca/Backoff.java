package com.marketpulse.ingestion.alpaca;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with "equal jitter": the n-th delay lies uniformly in [d/2, d] with d = min(max, initial·2^n),
 * so many clients never retry in lock-step and a delay never collapses to zero.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;
    private int attempt;

    Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max: " + initial + ", " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    Duration next() {
        long ceiling = initial.toMillis() << Math.min(attempt, 30);
        long capped = Math.min(max.toMillis(), ceiling <= 0 ? Long.MAX_VALUE : ceiling);
        attempt++;
        long half = capped / 2;
        return Duration.ofMillis(half + random.nextLong(capped - half + 1));
    }

    int attempts() {
        return attempt;
    }

    void reset() {
        attempt = 0;
    }
}
