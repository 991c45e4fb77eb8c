package com.marketpulse.files;

import com.marketpulse.events.SourceBar;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses one row of a candle file into a {@link SourceBar}; a malformed row throws with the reason. */
final class CandleRow {

    static final Duration MINUTE = Duration.ofMinutes(1);
    /** Epoch values above this are microseconds (Binance's files since 2025), below it milliseconds. */
    private static final long MICROS_THRESHOLD = 100_000_000_000_000L;

    private CandleRow() {
    }

    static SourceBar binance(String[] cells, String symbol, String venue, String runId) {
        require(cells, 6);
        Instant start = epoch(cells[0]);
        double volume = number(cells[5], "volume");
        double quoteVolume = cells.length > 7 ? number(cells[7], "quote_volume") : 0;
        long trades = cells.length > 8 ? Long.parseLong(cells[8].trim()) : 0;
        double vwap = volume > 0 && quoteVolume > 0 ? quoteVolume / volume : 0;
        return bar(symbol, start, cells[1], cells[2], cells[3], cells[4], volume, trades, vwap, venue, runId);
    }

    static SourceBar bars(String[] cells, String venue, String runId) {
        require(cells, 7);
        Instant start = timestamp(cells[0]);
        String symbol = cells[1].trim();
        long trades = cells.length > 7 && !cells[7].isBlank() ? Long.parseLong(cells[7].trim()) : 0;
        double vwap = cells.length > 8 && !cells[8].isBlank() ? number(cells[8], "vwap") : 0;
        return bar(symbol, start, cells[2], cells[3], cells[4], cells[5], number(cells[6], "volume"), trades, vwap,
                venue, runId);
    }

    private static SourceBar bar(String symbol, Instant start, String open, String high, String low, String close,
                                 double volume, long trades, double vwap, String venue, String runId) {
        Instant end = start.plus(MINUTE);
        return new SourceBar(SourceBar.idOf("replay", venue, symbol, start, runId), symbol, start, end,
                number(open, "open"), number(high, "high"), number(low, "low"), number(close, "close"), volume, trades,
                vwap, false, "replay", venue, runId);
    }

    private static void require(String[] cells, int columns) {
        if (cells.length < columns) {
            throw new IllegalArgumentException("expected at least " + columns + " columns, found " + cells.length);
        }
    }

    static Instant epoch(String cell) {
        long value = Long.parseLong(cell.trim());
        if (value >= MICROS_THRESHOLD) {
            return Instant.ofEpochSecond(value / 1_000_000, (value % 1_000_000) * 1_000);
        }
        return Instant.ofEpochMilli(value);
    }

    private static Instant timestamp(String cell) {
        String text = cell.trim();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return epoch(text);
        }
        try {
            return Instant.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp is neither RFC 3339 nor epoch: '" + text + "'");
        }
    }

    private static double number(String cell, String column) {
        try {
            double value = Double.parseDouble(cell.trim());
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(column + " is not finite: '" + cell + "'");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a number: '" + cell + "'");
        }
    }
}
