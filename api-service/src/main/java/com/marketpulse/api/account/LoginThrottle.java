package com.marketpulse.api.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing for one key (an account or a client address): the first {@code freeFailures}
 * failures cost nothing; after that each attempt must wait {@code baseDelay}, doubling per further failure up to
 * {@code maxDelay}, counted from the last failure. A success or {@code forgetAfter} of quiet clears the key. A
 * short {@code maxDelay} for accounts means an attacker can slow a real user down but never lock them out for long.
 * {@link #attempt} checks and counts in one atomic step, so parallel attempts cannot all pass the check before the
 * first failure is recorded: an attempt counts as a failure from the moment it is let through until it is
 * {@link #forgive forgiven}. Plain Java, thread-safe, bounded in memory.
 */
final class LoginThrottle {

    static final int MAX_KEYS = 100_000;

    private final int maxKeys;
    private final int freeFailures;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration forgetAfter;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(int freeFailures, Duration baseDelay, Duration maxDelay, Duration forgetAfter) {
        this(freeFailures, baseDelay, maxDelay, forgetAfter, MAX_KEYS);
    }

    /** @param maxKeys at most this many keys are remembered; beyond it new keys go uncounted until old ones expire */
    LoginThrottle(int freeFailures, Duration baseDelay, Duration maxDelay, Duration forgetAfter, int maxKeys) {
        if (freeFailures < 0 || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0
                || forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("need freeFailures >= 0 and baseDelay <= maxDelay <= forgetAfter");
        }
        this.maxKeys = maxKeys;
        this.freeFailures = freeFailures;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
    }

    private record Failures(int count, Instant last) {
    }

    /** How long the key must still wait before its next attempt, or empty when it may try now. */
    Optional<Duration> waitFor(String key, Instant now) {
        Failures f = failures.get(key);
        return f == null ? Optional.empty() : waitFor(f, now);
    }

    private Optional<Duration> waitFor(Failures f, Instant now) {
        if (isForgotten(f, now) || f.count() < freeFailures) {
            return Optional.empty();
        }
        Instant allowedAt = f.last().plus(delayAfter(f.count()));
        return now.isBefore(allowedAt) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
    }

    /**
     * Atomically: either the key must still wait (returned; the attempt is counted, the clock not restarted) or the attempt is let through and
     * counted as a failure now, before any password is checked; {@link #forgive} takes it back if it succeeds.
     */
    Optional<Duration> attempt(String key, Instant now) {
        if (!hasRoomFor(key, now)) {
            return Optional.empty();
        }
        Duration[] refused = new Duration[1];
        failures.compute(key, (k, f) -> {
            if (f == null || isForgotten(f, now)) {
                return new Failures(1, now);
            }
            Optional<Duration> wait = waitFor(f, now);
            if (wait.isPresent()) {
                refused[0] = wait.get();
                // counted (the next wait doubles) but the clock is not restarted: hammering during the wait
                // cannot push it past maxDelay after the last attempt that was let through
                return new Failures(f.count() + 1, f.last());
            }
            return new Failures(f.count() + 1, now);
        });
        return Optional.ofNullable(refused[0]);
    }

    /** Counts a failure whatever the wait, e.g. an attempt refused by another throttle. */
    void failed(String key, Instant now) {
        if (!hasRoomFor(key, now)) {
            return;
        }
        failures.compute(key, (k, f) -> f == null || isForgotten(f, now)
                ? new Failures(1, now) : new Failures(f.count() + 1, now));
    }

    /** Takes back one attempt let through by {@link #attempt} that turned out not to be a failure. */
    void forgive(String key) {
        failures.computeIfPresent(key, (k, f) -> f.count() <= 1 ? null : new Failures(f.count() - 1, f.last()));
    }

    void succeeded(String key) {
        failures.remove(key);
    }

    private boolean hasRoomFor(String key, Instant now) {
        if (failures.size() >= maxKeys) {
            failures.values().removeIf(f -> isForgotten(f, now));
            // memory stays bounded under a flood of names; the address throttle still counts the flood
            return failures.size() < maxKeys || failures.containsKey(key);
        }
        return true;
    }

    void clear() {
        failures.clear();
    }

    /** The wait imposed after {@code count} failures. */
    Duration delayAfter(int count) {
        if (count < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - freeFailures, 30);
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private boolean isForgotten(Failures f, Instant now) {
        return !now.isBefore(f.last().plus(forgetAfter));
    }
}
