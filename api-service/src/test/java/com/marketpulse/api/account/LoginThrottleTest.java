package com.marketpulse.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofMinutes(15));

    @Test
    void theFirstFailuresCostNothing() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", T0);
        }
        assertThat(throttle.waitFor("alice", T0)).isEmpty();
    }

    @Test
    void afterTheFreeFailuresEachAttemptWaitsTwiceAsLong() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("alice", T0);
        }
        assertThat(throttle.waitFor("alice", T0)).contains(Duration.ofSeconds(1));
        throttle.failed("alice", T0.plusSeconds(1));
        assertThat(throttle.waitFor("alice", T0.plusSeconds(1))).contains(Duration.ofSeconds(2));
        throttle.failed("alice", T0.plusSeconds(3));
        assertThat(throttle.waitFor("alice", T0.plusSeconds(4))).contains(Duration.ofSeconds(3));
        assertThat(throttle.waitFor("alice", T0.plusSeconds(7))).isEmpty();
    }

    @Test
    void theWaitNeverExceedsTheMaximumSoARealUserIsNeverLockedOutForLong() {
        Instant now = T0;
        for (int i = 0; i < 1000; i++) {
            throttle.failed("alice", now);
            now = now.plusMillis(10);
        }
        assertThat(throttle.waitFor("alice", now).orElseThrow()).isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(throttle.waitFor("alice", now.plusSeconds(60))).isEmpty();
    }

    @Test
    void aSuccessClearsTheAccountAndQuietTimeForgetsIt() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("alice", T0);
            throttle.failed("bob", T0);
        }
        throttle.succeeded("alice");
        assertThat(throttle.waitFor("alice", T0)).isEmpty();
        assertThat(throttle.waitFor("bob", T0)).isPresent();
        assertThat(throttle.waitFor("bob", T0.plus(Duration.ofMinutes(15)))).isEmpty();
        throttle.failed("bob", T0.plus(Duration.ofMinutes(16)));
        assertThat(throttle.waitFor("bob", T0.plus(Duration.ofMinutes(16)))).isEmpty();
    }

    @Test
    void keysAreIndependent() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("mallory", T0);
        }
        assertThat(throttle.waitFor("alice", T0)).isEmpty();
    }

    @Test
    void remembersABoundedNumberOfKeysAndKeepsCountingTheOnesItHas() {
        LoginThrottle small = new LoginThrottle(1, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15), 3);
        for (String key : new String[] {"a", "b", "c", "d"}) {
            small.failed(key, T0);
        }
        assertThat(small.waitFor("a", T0)).isPresent();
        assertThat(small.waitFor("d", T0)).as("a fourth key is not remembered").isEmpty();
        small.failed("a", T0);
        assertThat(small.waitFor("a", T0)).contains(Duration.ofSeconds(2));
        small.failed("d", T0.plus(Duration.ofMinutes(16)));
        assertThat(small.waitFor("d", T0.plus(Duration.ofMinutes(16)))).as("room again once old keys expire").isPresent();
    }

    @Test
    void parallelAttemptsCannotAllPassTheCheckBeforeTheFirstFailureIsRecorded() throws Exception {
        int threads = 64;
        var start = new java.util.concurrent.CountDownLatch(1);
        var letThrough = new java.util.concurrent.atomic.AtomicInteger();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    if (throttle.attempt("alice", T0).isEmpty()) {
                        letThrough.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : done) {
                future.get();
            }
        }
        assertThat(letThrough.get()).as("only the free failures pass, however many arrive at once").isEqualTo(5);
    }

    @Test
    void anAttemptLetThroughCountsUntilItIsForgiven() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt("alice", T0)).isEmpty();
        }
        assertThat(throttle.attempt("alice", T0)).as("five attempts in flight use the free failures").isPresent();
        throttle.forgive("alice");
        throttle.forgive("alice");
        assertThat(throttle.attempt("alice", T0)).as("two turned out right: room again").isEmpty();
    }

    @Test
    void attemptsDuringTheWaitAreCountedButCannotExtendItPastTheMaximumAfterTheLastOneLetThrough() {
        for (int i = 0; i < 5; i++) {
            throttle.attempt("alice", T0);
        }
        Instant now = T0;
        for (int i = 0; i < 1000; i++) {
            assertThat(throttle.attempt("alice", now)).as("refused during the wait").isPresent();
            now = now.plusMillis(50);
        }
        assertThat(throttle.delayAfter(1005)).as("counted: the next wait is the longest").isEqualTo(Duration.ofSeconds(60));
        assertThat(throttle.attempt("alice", T0.plusSeconds(60)))
                .as("yet one maximum wait after the last attempt let through, the next one is let through").isEmpty();
    }

    @Property
    void theDelayGrowsWithFailuresAndStaysWithinTheMaximum(@ForAll @IntRange(min = 0, max = 10_000) int failures) {
        Duration delay = throttle.delayAfter(failures);
        assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(60));
        assertThat(throttle.delayAfter(failures + 1)).isGreaterThanOrEqualTo(delay);
    }
}
