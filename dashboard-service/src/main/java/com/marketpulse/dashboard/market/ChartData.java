package com.marketpulse.dashboard.market;

import java.time.Instant;
import java.util.List;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.contract.BarDto;
import com.marketpulse.events.Direction;


/**
 * What a price chart draws, in the form TradingView Lightweight Charts takes: candles keyed by UTC seconds, and
 * alert markers placed on the candle of the minute the anomaly started.
 */
public final class ChartData {

    private ChartData() {
    }

    /** One candle; {@code time} in UTC seconds. */
    public record Candle(long time, double open, double high, double low, double close) {
    }

    /** One alert marker: above the candle for a move up, below for a move down. */
    public record Marker(long time, String position, String shape, String color, String text, String id) {
    }

    /** The candles, oldest first, one per start time. */
    public static List<Candle> candles(List<BarDto> bars) {
        return bars.stream()
                .sorted(java.util.Comparator.comparing(BarDto::start))
                .map(bar -> new Candle(bar.start().getEpochSecond(), bar.open(), bar.high(), bar.low(), bar.close()))
                .distinct()
                .toList();
    }

    /**
     * Markers of a coin's alerts within the candles' time span, oldest first (the library wants them sorted);
     * each sits on the candle of its start minute.
     */
    public static List<Marker> markers(String symbol, List<AlertDto> alerts, List<Candle> candles, long barSeconds) {
        if (candles.isEmpty()) {
            return List.of();
        }
        long first = candles.getFirst().time();
        long last = candles.getLast().time() + barSeconds;
        return alerts.stream()
                .filter(alert -> alert.symbol().equals(symbol))
                .filter(alert -> within(alert.eventTime(), first, last))
                .sorted(java.util.Comparator.comparing(AlertDto::eventTime))
                .map(alert -> marker(alert, barSeconds))
                .toList();
    }

    private static boolean within(Instant time, long first, long last) {
        long seconds = time.getEpochSecond();
        return seconds >= first && seconds < last;
    }

    private static Marker marker(AlertDto alert, long barSeconds) {
        long time = alert.eventTime().getEpochSecond() / barSeconds * barSeconds;
        boolean down = alert.direction() == Direction.DOWN;
        String color = switch (alert.level() == null ? "" : alert.level().name()) {
            case "CRITICAL" -> "#c62828";
            case "HIGH" -> "#ef6c00";
            case "MEDIUM" -> "#f9a825";
            default -> "#607d8b";
        };
        String text = alert.type() == null ? "" : switch (alert.type()) {
            case PRICE_SPIKE -> "Spike";
            case VOLUME_ANOMALY -> "Volume";
            case VOLATILITY_BURST -> "Volatility";
        };
        return new Marker(time, down ? "belowBar" : "aboveBar", down ? "arrowDown" : "arrowUp", color, text, alert.id());
    }
}
