package com.marketpulse.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ReplayBudgetTest {

    private Instant now = Instant.parse("2026-12-03T12:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aClientGetsItsReplaysPerMinuteThenWaitsForTheNextOne() {
        var budget = new ReplayBudget(3, clock);

        assertThat(budget.take("address:10.0.0.1")).isEmpty();
        assertThat(budget.take("address:10.0.0.1")).isEmpty();
        assertThat(budget.take("address:10.0.0.1")).isEmpty();

        assertThat(budget.take("address:10.0.0.1")).contains(Duration.ofSeconds(20));
        now = now.plusSeconds(20);
        assertThat(budget.take("address:10.0.0.1")).isEmpty();
        assertThat(budget.take("address:10.0.0.1")).isPresent();
    }

    @Test
    void oneClientsReconnectLoopLeavesOtherClientsTheirReplays() {
        var budget = new ReplayBudget(2, clock);
        for (int i = 0; i < 50; i++) {
            budget.take("address:10.0.0.1");
        }

        assertThat(budget.take("address:10.0.0.2")).isEmpty();
        assertThat(budget.take("user:7")).isEmpty();
    }
}
