package com.marketpulse.ingestion.publish;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeGuardTest {

    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    final EdgeGuard edge = new EdgeGuard(Duration.ofSeconds(30), Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    Optional<String> live(Instant time) {
        return edge.check(null, "BTC/USD", time, false).map(EdgeGuard.Rejection::reason);
    }

    @Test
    void aLiveEventFarAheadOfTheWallClockIsRejectedAndDoesNotMoveTheStreamTime() {
        assertThat(live(NOW.minusSeconds(10))).isEmpty();
        assertThat(live(NOW.plusSeconds(31))).contains(EdgeGuard.FAR_FUTURE);
        assertThat(live(NOW.plus(Duration.ofDays(3650)))).contains(EdgeGuard.FAR_FUTURE);
        assertThat(live(NOW.minus(Duration.ofMinutes(4)))).as("judged against the real events only").isEmpty();
    }

    @Test
    void anEventALittleAheadIsTakenButMovesTheStreamTimeOnlyToTheWallClock() {
        assertThat(live(NOW.plusSeconds(29))).isEmpty();
        assertThat(live(NOW.minus(Duration.ofMinutes(4)).minusSeconds(59))).isEmpty();
        assertThat(live(NOW.minus(Duration.ofMinutes(6)))).contains(EdgeGuard.LATE);
    }

    @Test
    void aLateLiveEventIsRejectedButACorrectionIsNotJudgedLate() {
        assertThat(live(NOW)).isEmpty();
        assertThat(live(NOW.minus(Duration.ofMinutes(6)))).contains(EdgeGuard.LATE);
        assertThat(edge.check(null, "BTC/USD", NOW.minus(Duration.ofHours(24)), true)).isEmpty();
        assertThat(edge.check(null, "BTC/USD", NOW.plus(Duration.ofHours(1)), true).map(EdgeGuard.Rejection::reason))
                .as("a correction from the future is still refused").contains(EdgeGuard.FAR_FUTURE);
        assertThat(live(NOW.minus(Duration.ofMinutes(4)))).as("other symbols and the rest flow").isEmpty();
        assertThat(edge.check(null, "ETH/USD", NOW.minus(Duration.ofHours(1)), false)).isEmpty();
    }

    @Test
    void aReplayRunIsJudgedOnlyAgainstItsOwnStreamTime() {
        assertThat(live(NOW)).isEmpty();
        Instant history = Instant.parse("2024-11-01T00:00:00Z");
        assertThat(edge.check("run-1", "BTC/USD", history, false)).as("history is not late").isEmpty();
        assertThat(edge.check("run-1", "BTC/USD", history.plus(Duration.ofHours(1)), false)).isEmpty();
        assertThat(edge.check("run-1", "BTC/USD", history, false).map(EdgeGuard.Rejection::reason))
                .as("but late within its own run").contains(EdgeGuard.LATE);
        assertThat(edge.check("run-2", "BTC/USD", history, false)).as("another run has its own").isEmpty();
        assertThat(edge.check("run-1", "BTC/USD", NOW.plus(Duration.ofDays(1)), false)
                .map(EdgeGuard.Rejection::reason)).contains(EdgeGuard.FAR_FUTURE);
    }
}
