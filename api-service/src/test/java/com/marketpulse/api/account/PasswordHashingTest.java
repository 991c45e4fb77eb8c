package com.marketpulse.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.marketpulse.api.web.ApiException;

class PasswordHashingTest {

    /** An encoder whose every hash blocks until released, recording how many ran at once. */
    private static final class BlockingEncoder implements PasswordEncoder {

        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch entered;
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();

        BlockingEncoder(int expected) {
            entered = new CountDownLatch(expected);
        }

        @Override
        public String encode(CharSequence raw) {
            matches(raw, "");
            return "hash";
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return false;
        }
    }

    @Test
    void atMostTheBoundHashAtOnceAndTheRestAre503WithRetryAfter() throws Exception {
        BlockingEncoder encoder = new BlockingEncoder(3);
        PasswordHashing hashing = new PasswordHashing(encoder, 3, Duration.ZERO);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> holders = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                holders.add(pool.submit(() -> hashing.matches("pw", "hash")));
            }
            encoder.entered.await();
            assertThat(hashing.running()).isEqualTo(3);

            List<Future<Object>> flood = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                flood.add(pool.submit(() -> hashing.encode("pw")));
            }
            for (Future<Object> refused : flood) {
                assertThatThrownBy(refused::get).cause().isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.retryAfter()).isPositive();
                });
            }
            encoder.release.countDown();
            for (Future<Boolean> holder : holders) {
                assertThat(holder.get()).isFalse();
            }
        }
        assertThat(encoder.peak.get()).isEqualTo(3);
        assertThat(hashing.running()).isZero();
        assertThat(hashing.matches("pw", "hash")).as("turns are given back").isFalse();
    }

    @Test
    void refusesABoundBelowOne() {
        assertThatThrownBy(() -> new PasswordHashing(new BlockingEncoder(0), 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
