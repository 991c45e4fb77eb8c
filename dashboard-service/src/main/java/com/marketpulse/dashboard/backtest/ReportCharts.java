package com.marketpulse.dashboard.backtest;

import java.util.Comparator;
import java.util.List;

import com.marketpulse.api.contract.BacktestReport;
import com.marketpulse.dashboard.market.ChartData;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;

/** A report's chart in the form the dashboard's price chart draws: its bars as candles, its alerts as markers. */
public final class ReportCharts {

    private ReportCharts() {
    }

    public static List<ChartData.Candle> candles(BacktestReport.Chart chart) {
        return ChartData.candles(chart.bars());
    }

    /** Each alert on the bar of its time (the chart's interval), oldest first as the chart library wants. */
    public static List<ChartData.Marker> markers(BacktestReport.Chart chart) {
        long seconds = intervalSeconds(chart.interval());
        return chart.markers().stream()
                .sorted(Comparator.comparing(BacktestReport.Marker::time))
                .map(marker -> marker(marker, seconds))
                .toList();
    }

    /** {@code 1m}, {@code 15m}, {@code 4h}, {@code 1d}; a minute for anything else. */
    static long intervalSeconds(String interval) {
        if (interval.length() < 2) {
            return 60;
        }
        try {
            long amount = Long.parseLong(interval.substring(0, interval.length() - 1));
            return amount * switch (interval.charAt(interval.length() - 1)) {
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86_400;
                default -> 60;
            };
        } catch (NumberFormatException e) {
            return 60;
        }
    }

    private static ChartData.Marker marker(BacktestReport.Marker marker, long barSeconds) {
        long time = marker.time().getEpochSecond() / barSeconds * barSeconds;
        boolean down = marker.direction() == Direction.DOWN;
        String color = marker.severity() >= 85 ? "#c62828" : marker.severity() >= 70 ? "#ef6c00"
                : marker.severity() >= 50 ? "#f9a825" : "#607d8b";
        return new ChartData.Marker(time, down ? "belowBar" : "aboveBar", down ? "arrowDown" : "arrowUp", color,
                label(marker.type()), marker.alertId());
    }

    private static String label(AlertType type) {
        return switch (type) {
            case PRICE_SPIKE -> "Spike";
            case VOLUME_ANOMALY -> "Volume";
            case VOLATILITY_BURST -> "Volatility";
        };
    }
}
