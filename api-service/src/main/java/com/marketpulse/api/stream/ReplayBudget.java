package com.marketpulse.api.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many {@code Last-Event-ID} replays (each up to 1,000 rows from the database) one client may start: a token
 * bucket per client of {@code perMinute} replays, refilled evenly over a minute. A reconnect now and then (the
 * 30-minute stream end, a dropped slow client) always has one; a reconnect loop does not.
 */
final class ReplayBudget {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** Clients remembered before the idle ones (with a full bucket: nothing to remember) are forgotten. */
    private static final int SWEEP_ABOVE = 10_000;

    private record Bucket(double tokens, Instant at) {
    }

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ReplayBudget(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("replays per minute must be at least 1, got " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one replay for the client; empty when it may, else how long until it may. */
    Optional<Duration> take(String client) {
        Instant now = clock.instant();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.entrySet().removeIf(entry -> refilled(entry.getValue(), now) >= perMinute);
        }
        Duration[] wait = {null};
        buckets.compute(client, (key, bucket) -> {
            double tokens = bucket == null ? perMinute : refilled(bucket, now);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = Duration.ofMillis((long) Math.ceil((1 - tokens) * MINUTE.toMillis() / perMinute));
            return new Bucket(tokens, now);
        });
        return Optional.ofNullable(wait[0]);
    }

    private double refilled(Bucket bucket, Instant now) {
        double elapsedMs = Math.max(0, Duration.between(bucket.at(), now).toMillis());
        return Math.min(perMinute, bucket.tokens() + elapsedMs * perMinute / MINUTE.toMillis());
    }
}
