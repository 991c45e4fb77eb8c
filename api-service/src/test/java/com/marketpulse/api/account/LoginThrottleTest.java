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

    @Property
    void theDelayGrowsWithFailuresAndStaysWithinTheMaximum(@ForAll @IntRange(min = 0, max = 10_000) int failures) {
        Duration delay = throttle.delayAfter(failures);
        assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(60));
        assertThat(throttle.delayAfter(failures + 1)).isGreaterThanOrEqualTo(delay);
    }
}
