package com.marketpulse.api.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SharedComputationTest {

    private Instant now = Instant.parse("2026-12-03T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void concurrentCallersShareOneComputation() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var shared = new SharedComputation<>(() -> {
            int n = computations.incrementAndGet();
            started.countDown();
            await(release);
            return "report " + n;
        }, Duration.ofSeconds(5), clock);

        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = callers.submit(shared::get);
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<String>> others = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                others.add(callers.submit(shared::get));
            }
            release.countDown();

            assertThat(first.get()).isEqualTo("report 1");
            for (Future<String> other : others) {
                assertThat(other.get()).isEqualTo("report 1");
            }
        }
        assertThat(computations).hasValue(1);
    }

    @Test
    void aReportIsReusedWithinTheCacheTimeAndRecomputedAfter() {
        AtomicInteger computations = new AtomicInteger();
        var shared = new SharedComputation<>(() -> "report " + computations.incrementAndGet(), Duration.ofSeconds(5),
                clock);

        assertThat(shared.get()).isEqualTo("report 1");
        now = now.plusMillis(4_999);
        assertThat(shared.get()).isEqualTo("report 1");
        now = now.plusMillis(1);
        assertThat(shared.get()).isEqualTo("report 2");
    }

    @Test
    void aFailedComputationIsNotKept() {
        AtomicInteger computations = new AtomicInteger();
        var shared = new SharedComputation<>(() -> {
            if (computations.incrementAndGet() == 1) {
                throw new IllegalStateException("broker gone");
            }
            return "report " + computations.get();
        }, Duration.ofSeconds(5), clock);

        assertThatThrownBy(shared::get).hasMessage("broker gone");
        assertThat(shared.get()).isEqualTo("report 2");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
