package com.marketpulse.detection.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketpulse.settings.MarketPulseSettings;
import com.marketpulse.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final MarketPulseSettings defaults = Settings.defaults();
    private final InputPolicy policy = new InputPolicy(new MarketPulseSettings(List.of("BTC/USD", "ETH/USD"),
            defaults.kafka(), defaults.simulator(), defaults.features(), defaults.detection(),
            new MarketPulseSettings.Edge(Duration.ofSeconds(30), Duration.ofMinutes(5), 2), defaults.backtest(),
            defaults.archive()),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void liveRecordsOfConfiguredSymbolsUpToMaxFutureAreAccepted() {
        assertThatCode(() -> policy.check("BTC/USD", null, NOW.plusSeconds(30))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("ETH/USD", null, NOW.minus(Duration.ofDays(30))))
                .as("history is not late here").doesNotThrowAnyException();
    }

    @Test
    void anUnwatchedLiveSymbolOrAFarFutureTimeIsRefusedWithItsReason() {
        assertThatThrownBy(() -> policy.check("SCAM/USD", null, NOW)).isInstanceOf(RejectedRecordException.class)
                .extracting(e -> ((RejectedRecordException) e).reason()).isEqualTo("unknown_symbol");
        assertThatThrownBy(() -> policy.check("BTC/USD", null, NOW.plusSeconds(31)))
                .extracting(e -> ((RejectedRecordException) e).reason()).isEqualTo("far_future");
    }

    @Test
    void aBacktestRunBringsItsOwnSymbolsUpToItsCap() {
        policy.check("AAA/USD", "run-1", NOW);
        policy.check("BBB/USD", "run-1", NOW);
        policy.check("AAA/USD", "run-1", NOW.plusSeconds(60));

        assertThatThrownBy(() -> policy.check("CCC/USD", "run-1", NOW))
                .extracting(e -> ((RejectedRecordException) e).reason()).isEqualTo("replay_symbol_cap");
        assertThatCode(() -> policy.check("CCC/USD", "run-2", NOW)).as("another run has its own cap")
                .doesNotThrowAnyException();
    }

    @Test
    void aHugeSymbolIsNeverCopiedWholeIntoTheMessage() {
        String huge = "X".repeat(100_000);
        assertThatThrownBy(() -> policy.check(huge, null, NOW)).satisfies(e ->
                assertThat(e.getMessage()).hasSizeLessThan(300));
    }
}
