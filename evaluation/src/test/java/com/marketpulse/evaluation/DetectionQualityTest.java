package com.marketpulse.evaluation;

import static com.marketpulse.events.AlertType.PRICE_SPIKE;
import static com.marketpulse.events.AlertType.VOLATILITY_BURST;
import static com.marketpulse.events.AlertType.VOLUME_ANOMALY;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.AlertType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped configuration still finds what a trader relies on, on a seeded stream none of its thresholds was
 * tuned on (the README's figures are seeds 1–6): 6 labelled hours and 12 anomaly-free hours of three pairs. The
 * bounds leave room for the randomness of one short stream; the full figures come from {@code ./evaluate.sh}.
 */
class DetectionQualityTest {

    private static Evaluation.Result result;

    @BeforeAll
    static void evaluate() {
        var args = EvaluationArgs.parse("--config", "../config/marketpulse.yml", "--seeds", "17", "--hours", "6",
                "--quiet-hours", "12");
        result = new Evaluation(DeployedConfig.load(args.config()), args).run();
    }

    private static TypeMetrics of(AlertType type) {
        return result.labelled().get(type);
    }

    @Test
    void priceSpikesAreFoundAtTheTickOfTheJump() {
        assertThat(of(PRICE_SPIKE).labels()).isGreaterThan(40);
        assertThat(of(PRICE_SPIKE).recall()).isGreaterThanOrEqualTo(0.9);
        assertThat(of(PRICE_SPIKE).precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(of(PRICE_SPIKE).medianDelayTicks()).isZero();
    }

    @Test
    void volumeAnomaliesAreFoundWithinAFewTrades() {
        assertThat(of(VOLUME_ANOMALY).labels()).isGreaterThan(40);
        assertThat(of(VOLUME_ANOMALY).recall()).isGreaterThanOrEqualTo(0.9);
        assertThat(of(VOLUME_ANOMALY).precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(of(VOLUME_ANOMALY).medianDelayTicks()).isLessThanOrEqualTo(6);
    }

    @Test
    void volatilityBurstsAreFoundWithinTheirFirstFewSeconds() {
        assertThat(of(VOLATILITY_BURST).labels()).isGreaterThan(40);
        assertThat(of(VOLATILITY_BURST).recall()).isGreaterThanOrEqualTo(0.85);
        assertThat(of(VOLATILITY_BURST).precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(of(VOLATILITY_BURST).medianDelayTicks()).isLessThanOrEqualTo(16);
    }

    @Test
    void aCalmMarketRaisesFewAlerts() {
        assertThat(result.quietSymbolDays()).isEqualTo(1.5);
        assertThat(result.falseAlertsPerSymbolDay()).isLessThanOrEqualTo(8.0);
    }
}
