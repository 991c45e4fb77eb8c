package com.marketpulse.ingestion.replay;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.Symbols;
import com.marketpulse.events.Tick;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Turns the text fields of a row into a {@link TradeRow}, with a reason when a field is unusable. */
final class TradeFields {

    static final String SOURCE = "replay";

    private TradeFields() {
    }

    static TradeRow row(long line, String fileName, Instant time, String symbol, String price, String size,
                        String label, String tradeId, String side) {
        String normalized;
        try {
            normalized = Symbols.normalize(symbol);
        } catch (IllegalArgumentException e) {
            return new TradeRow.Bad(line, e.getMessage());
        }
        double parsedPrice;
        double parsedSize;
        try {
            parsedPrice = Double.parseDouble(price.trim());
            parsedSize = Double.parseDouble(size.trim());
        } catch (NumberFormatException | NullPointerException e) {
            return new TradeRow.Bad(line, "price '" + price + "' or size '" + size + "' is not a number");
        }
        if (!(parsedPrice > 0) || Double.isInfinite(parsedPrice) || !(parsedSize >= 0) || Double.isInfinite(parsedSize)) {
            return new TradeRow.Bad(line, "price must be > 0 and size >= 0, got " + price + " and " + size);
        }
        AlertType kind;
        try {
            kind = label(label);
        } catch (IllegalArgumentException e) {
            return new TradeRow.Bad(line, e.getMessage());
        }
        String id = tradeId == null || tradeId.isBlank() ? fileName + ":" + line : tradeId.trim();
        String taker = "B".equalsIgnoreCase(side) ? "B" : "S".equalsIgnoreCase(side) ? "S" : null;
        return new TradeRow.Trade(line, Tick.live(SOURCE, SOURCE, normalized, time, parsedPrice, parsedSize, id, taker), kind);
    }

    /** ISO-8601 with a zone ({@code 2026-01-05T10:00:00.123456789Z}) or epoch milliseconds. */
    static Instant time(String text) {
        String value = text == null ? "" : text.trim();
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(value));
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("timestamp '" + text + "' is neither ISO-8601 with a zone nor epoch millis");
        }
    }

    /** Empty, {@code normal} or {@code none} mean no anomaly; otherwise an {@link AlertType} name. */
    static AlertType label(String text) {
        if (text == null) {
            return null;
        }
        String value = text.trim().toUpperCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("NORMAL") || value.equals("NONE") || value.equals("0")) {
            return null;
        }
        try {
            return AlertType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("label '" + text + "' is not PRICE_SPIKE, VOLUME_ANOMALY, "
                    + "VOLATILITY_BURST or empty");
        }
    }
}
