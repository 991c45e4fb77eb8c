package com.marketpulse.dashboard.market;

import static com.marketpulse.dashboard.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.contract.BarDto;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;

class ChartDataTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    private static BarDto bar(int minute, double close) {
        return new BarDto(T0.plusSeconds(60L * minute), T0.plusSeconds(60L * minute + 60), close, close, close, close, 1, 1);
    }

    @Test
    void candlesAreSortedAndKeyedByUtcSeconds() {
        var candles = ChartData.candles(List.of(bar(2, 3), bar(0, 1), bar(1, 2)));

        assertThat(candles).extracting(ChartData.Candle::time)
                .containsExactly(T0.getEpochSecond(), T0.getEpochSecond() + 60, T0.getEpochSecond() + 120);
    }

    @Test
    void markersSitOnTheCandleOfTheirStartMinuteOldestFirst() {
        var candles = ChartData.candles(List.of(bar(0, 1), bar(1, 2), bar(2, 3)));
        var later = alert("b", "BTC/USD", T0.plusSeconds(150), "b");
        var earlier = alert("a", "BTC/USD", T0.plusSeconds(61), "a");

        var markers = ChartData.markers("BTC/USD", List.of(later, earlier), candles, 60);

        assertThat(markers).extracting(ChartData.Marker::id).containsExactly("a", "b");
        assertThat(markers).extracting(ChartData.Marker::time)
                .containsExactly(T0.getEpochSecond() + 60, T0.getEpochSecond() + 120);
        assertThat(markers.getFirst().position()).isEqualTo("aboveBar");
        assertThat(markers.getFirst().text()).isEqualTo("Spike");
    }

    @Test
    void otherCoinsAndAlertsOutsideTheChartedTimeGetNoMarker() {
        var candles = ChartData.candles(List.of(bar(0, 1), bar(1, 2)));
        var alerts = List.of(alert("eth", "ETH/USD", T0, "eth"), alert("old", "BTC/USD", T0.minusSeconds(1), "old"),
                alert("late", "BTC/USD", T0.plusSeconds(120), "after the last candle"));

        assertThat(ChartData.markers("BTC/USD", alerts, candles, 60)).isEmpty();
    }

    @Test
    void aDownMoveIsMarkedBelowTheCandle() {
        var candles = ChartData.candles(List.of(bar(0, 1)));
        var base = alert("d", "BTC/USD", T0, "down");
        var down = new AlertDto(base.id(), base.symbol(), AlertType.VOLUME_ANOMALY, Direction.DOWN, 90, SeverityLevel.CRITICAL, base.eventTime(),
                base.endTime(), base.price(), base.score(), base.modelVersion(), base.explanation(), base.detectedAt());

        var marker = ChartData.markers("BTC/USD", List.of(down), candles, 60).getFirst();

        assertThat(marker.position()).isEqualTo("belowBar");
        assertThat(marker.shape()).isEqualTo("arrowDown");
        assertThat(marker.text()).isEqualTo("Volume");
    }

    @Test
    void noCandlesNoMarkers() {
        assertThat(ChartData.markers("BTC/USD", List.of(alert("a", "BTC/USD", T0, "a")), List.of(), 60)).isEmpty();
    }
}
