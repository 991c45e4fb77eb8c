package com.marketpulse.dashboard.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.marketpulse.api.contract.BacktestReport;
import com.marketpulse.api.contract.BarDto;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;

class ReportChartsTest {

    @Test
    void eachAlertSitsOnTheBarOfItsTimeOldestFirst() {
        var start = Instant.parse("2024-11-12T14:00:00Z");
        var chart = new BacktestReport.Chart("DOT/USD", "15m",
                List.of(new BarDto(start, start.plusSeconds(900), 5, 6, 4, 5.5, 10, 3)),
                List.of(new BacktestReport.Marker(Instant.parse("2024-11-12T14:29:59Z"), "b", AlertType.VOLUME_ANOMALY,
                                Direction.UP, 60, "volume"),
                        new BacktestReport.Marker(Instant.parse("2024-11-12T14:03:10Z"), "a", AlertType.PRICE_SPIKE,
                                Direction.DOWN, 90, "down 5 %")));

        var markers = ReportCharts.markers(chart);

        assertThat(markers).extracting(m -> m.id() + "@" + m.time() + " " + m.position() + " " + m.text())
                .containsExactly("a@" + start.getEpochSecond() + " belowBar Spike",
                        "b@" + start.plusSeconds(900).getEpochSecond() + " aboveBar Volume");
        assertThat(ReportCharts.candles(chart)).hasSize(1);
    }

    @Test
    void intervalsAreReadAsTheApiWritesThem() {
        assertThat(ReportCharts.intervalSeconds("1m")).isEqualTo(60);
        assertThat(ReportCharts.intervalSeconds("4h")).isEqualTo(14_400);
        assertThat(ReportCharts.intervalSeconds("1d")).isEqualTo(86_400);
        assertThat(ReportCharts.intervalSeconds("x")).isEqualTo(60);
    }
}
