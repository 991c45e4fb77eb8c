package com.marketpulse.evaluation;

import com.marketpulse.events.AlertType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static com.marketpulse.events.AlertType.PRICE_SPIKE;
import static com.marketpulse.events.AlertType.VOLATILITY_BURST;
import static com.marketpulse.events.AlertType.VOLUME_ANOMALY;
import static org.assertj.core.api.Assertions.assertThat;

class EvaluationResultTest {

    private static Evaluation.Result result(int spikeTruePositives, int quietSpikes, double quietSymbolDays) {
        Map<AlertType, TypeMetrics> labelled = new EnumMap<>(AlertType.class);
        for (AlertType type : AlertType.values()) {
            labelled.put(type, TypeMetrics.empty(type));
        }
        labelled.put(PRICE_SPIKE, new TypeMetrics(PRICE_SPIKE, 100, 90, spikeTruePositives, 3, 1, List.of(), List.of()));
        Map<AlertType, Integer> quiet = new EnumMap<>(Map.of(PRICE_SPIKE, quietSpikes, VOLUME_ANOMALY, 2,
                VOLATILITY_BURST, 4));
        return new Evaluation.Result(labelled, 2.0, quiet, quietSymbolDays, 1_000, 1_000, "v");
    }

    @Test
    void falseAlertsArePerSymbolDayOfAnomalyFreeMarket() {
        var result = result(90, 6, 3.0);

        assertThat(result.falseAlertsPerSymbolDay(PRICE_SPIKE)).isEqualTo(2.0);
        assertThat(result.falseAlertsPerSymbolDay()).isEqualTo(4.0);
    }

    @Test
    void estimatedPrecisionChargesTheAnomalyFreeRateOverTheLabelledSymbolDays() {
        var result = result(90, 15, 3.0);

        assertThat(result.estimatedPrecision(PRICE_SPIKE)).isEqualTo(90 / (90 + 5.0 * 2.0));
    }

    @Test
    void withoutAnomalyFreeStreamsTheRatesAreUndefined() {
        var result = result(90, 0, 0.0);

        assertThat(result.falseAlertsPerSymbolDay()).isNaN();
        assertThat(result.estimatedPrecision(PRICE_SPIKE)).isNaN();
    }
}
