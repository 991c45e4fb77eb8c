package com.marketpulse.evaluation;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

import static com.marketpulse.events.AlertType.PRICE_SPIKE;
import static com.marketpulse.events.AlertType.VOLUME_ANOMALY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypeMetricsTest {

    @Test
    void addingStreamsSumsCountsAndPoolsDelaysForOneMedian() {
        var first = new TypeMetrics(PRICE_SPIKE, 10, 9, 9, 1, 2, List.of(0L, 1L, 5L),
                List.of(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(1_500)));
        var second = new TypeMetrics(PRICE_SPIKE, 10, 7, 7, 0, 0, List.of(2L),
                List.of(Duration.ofMillis(500)));

        TypeMetrics both = first.plus(second);

        assertThat(both.labels()).isEqualTo(20);
        assertThat(both.recall()).isEqualTo(16 / 20.0);
        assertThat(both.alerts()).isEqualTo(19);
        assertThat(both.precision()).isEqualTo(16 / 18.0);
        assertThat(both.strictPrecision()).isEqualTo(16 / 19.0);
        assertThat(both.medianDelayTicks()).isEqualTo(1.5);
        assertThat(both.medianDelaySeconds()).isEqualTo(0.4);
    }

    @Test
    void withoutLabelsOrAlertsTheRatesAreUndefinedRatherThanPerfect() {
        var none = TypeMetrics.empty(VOLUME_ANOMALY);

        assertThat(none.recall()).isNaN();
        assertThat(none.precision()).isNaN();
        assertThat(none.medianDelayTicks()).isNaN();
    }

    @Test
    void metricsOfDifferentTypesDoNotAdd() {
        assertThatThrownBy(() -> TypeMetrics.empty(PRICE_SPIKE).plus(TypeMetrics.empty(VOLUME_ANOMALY)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
