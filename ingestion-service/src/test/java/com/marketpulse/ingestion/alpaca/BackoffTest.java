package com.marketpulse.ingestion.alpaca;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void delaysDoubleWithJitterInTheUpperHalfUntilTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new SplittableRandom(1));
        long[] ceilings = {1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000};
        for (long ceiling : ceilings) {
            long delay = backoff.next().toMillis();
            assertThat(delay).isBetween(ceiling / 2, ceiling);
        }
        assertThat(backoff.attempts()).isEqualTo(ceilings.length);
    }

    @Test
    void jitterSpreadsClientsThatFailTogether() {
        long first = new Backoff(Duration.ofSeconds(8), Duration.ofSeconds(8), new SplittableRandom(1)).next().toMillis();
        long second = new Backoff(Duration.ofSeconds(8), Duration.ofSeconds(8), new SplittableRandom(2)).next().toMillis();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void resetStartsOverFromTheInitialDelay() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), new SplittableRandom(3));
        for (int i = 0; i < 10; i++) {
            backoff.next();
        }
        backoff.reset();
        assertThat(backoff.next().toMillis()).isBetween(50L, 100L);
    }

    @Test
    void aMaximumBelowTheInitialDelayIsRejected() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1), new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
