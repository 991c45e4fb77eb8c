package com.marketpulse.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.marketpulse.detection.core.Candidate;
import com.marketpulse.detection.core.Minimums;
import com.marketpulse.detection.core.PriceMoveRule;
import com.marketpulse.detection.core.VolatilityRule;
import com.marketpulse.detection.core.VolumeRule;
import com.marketpulse.events.Alert;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.SeverityLevel;

/** The move is read from explanations written by detection-core's own rules, so a change of their format fails here. */
class AlertMoveTest {

    private static final Minimums MINIMUMS = new Minimums(0.01, 0.02, 0.03, 1_000_000, 0.01);
    private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

    private static MarketFeatures features(double r1, double r5, double r15, double notional5m, double vol10m) {
        return new MarketFeatures("BTC/USD@" + T, "BTC/USD", T, 65_000, 600, r1, r5, r15, 0.001, 0.002, 0.004,
                vol10m, 0.004, notional5m / 5, notional5m, 100_000, 0.0001, 1, null);
    }

    private static Alert alertOf(Candidate c) {
        return new Alert("a", "BTC/USD", c.type(), c.direction(), 60, SeverityLevel.of(60), T, T, 65_000, 0.5, "m",
                c.explanation(), T, null);
    }

    @Test
    void readsThePriceSpikesMoveAndHorizon() {
        Candidate c = new PriceMoveRule(4).judge(features(0.001, Math.log(1 - 0.048), Math.log(1 - 0.05), 0, 0),
                MINIMUMS);

        AlertMove move = AlertMove.of(alertOf(c)).orElseThrow();

        assertThat(move.fraction()).isCloseTo(-0.048, within(1e-9));
        assertThat(move.minutes()).isEqualTo(5);
        assertThat(move.text()).as("as messages write it").isEqualTo("−4.8 % in 5 min");
    }

    @Test
    void readsTheFiveMinuteMoveOfAVolumeAnomaly() {
        Candidate c = new VolumeRule(10).judge(features(0, Math.log(1.012), 0, 8_000_000, 0), MINIMUMS);

        AlertMove move = AlertMove.of(alertOf(c)).orElseThrow();

        assertThat(move.fraction()).isCloseTo(0.012, within(1e-9));
        assertThat(move.minutes()).isEqualTo(5);
    }

    @Test
    void readsTheFifteenMinuteMoveOfAVolatilityBurst() {
        Candidate c = new VolatilityRule(3).judge(features(0, 0.001, Math.log(1 - 0.007), 0, 0.03), MINIMUMS);

        AlertMove move = AlertMove.of(alertOf(c)).orElseThrow();

        assertThat(move.fraction()).isCloseTo(-0.007, within(1e-9));
        assertThat(move.minutes()).isEqualTo(15);
    }

    @Test
    void anExplanationWithoutAMoveHasNone() {
        Alert a = new Alert("a", "BTC/USD", com.marketpulse.events.AlertType.PRICE_SPIKE,
                com.marketpulse.events.Direction.UP, 60, SeverityLevel.of(60), T, T, 1, 0.5, "m", "something odd", T,
                null);

        assertThat(AlertMove.of(a)).isEmpty();
    }
}
