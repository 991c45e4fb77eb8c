package com.marketpulse.api.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Parameter;

import com.marketpulse.api.market.SymbolCatalog;
import com.marketpulse.api.web.ApiException;
import com.marketpulse.api.web.TimeParameter;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.SeverityLevel;

/**
 * The query parameters of an alert search, as the client sent them; {@link #toQuery} validates them.
 */
record AlertFilter(
        @Parameter(description = "Only these symbols (repeatable or comma-separated); BTC/USD or BTC-USD",
                example = "BTC-USD") List<String> symbol,
        @Parameter(description = "Only these alert types (repeatable): PRICE_SPIKE, VOLUME_ANOMALY, VOLATILITY_BURST",
                example = "PRICE_SPIKE") List<String> type,
        @Parameter(description = "Lowest severity: a number 0–100 or a level LOW, MEDIUM, HIGH, CRITICAL",
                example = "HIGH") String minSeverity,
        @Parameter(description = "Event time at or after this (ISO-8601)", example = "2026-11-24T00:00:00Z")
        String from,
        @Parameter(description = "Event time before this (ISO-8601)", example = "2026-11-25T00:00:00Z") String to,
        @Parameter(description = "nextCursor of the previous page") String cursor,
        @Parameter(description = "Page size, 1–500 (default 50)", example = "50") String limit) {

    AlertQuery toQuery(SymbolCatalog symbols) {
        List<String> symbolList = symbol == null ? List.of() : symbols.requireAll(nonBlank(symbol));
        Instant fromTime = TimeParameter.parse("from", from);
        Instant toTime = TimeParameter.parse("to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw ApiException.badRequest("Parameter 'from' must be before 'to'.");
        }
        return new AlertQuery(symbolList, types(), severity(), fromTime, toTime, position(), pageSize());
    }

    private List<AlertType> types() {
        List<AlertType> types = new ArrayList<>();
        for (String each : type == null ? List.<String>of() : nonBlank(type)) {
            try {
                AlertType parsed = AlertType.valueOf(each.trim().toUpperCase(Locale.ROOT));
                if (!types.contains(parsed)) {
                    types.add(parsed);
                }
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Unknown alert type " + ApiException.shown(each) + ": use one of "
                        + List.of(AlertType.values()) + ".");
            }
        }
        return types;
    }

    private int severity() {
        if (minSeverity == null || minSeverity.isBlank()) {
            return 0;
        }
        String value = minSeverity.trim();
        try {
            int number = Integer.parseInt(value);
            if (number < 0 || number > 100) {
                throw ApiException.badRequest("Parameter 'minSeverity' must be between 0 and 100, got " + number + ".");
            }
            return number;
        } catch (NumberFormatException notNumber) {
            try {
                return lowestSeverityOf(SeverityLevel.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Parameter 'minSeverity' must be a number 0–100 or one of "
                        + List.of(SeverityLevel.values()) + ", got " + ApiException.shown(value) + ".");
            }
        }
    }

    /** The smallest 0–100 severity that {@link SeverityLevel#of} maps to the level. */
    static int lowestSeverityOf(SeverityLevel level) {
        for (int severity = 0; severity <= 100; severity++) {
            if (SeverityLevel.of(severity) == level) {
                return severity;
            }
        }
        throw new IllegalStateException("no severity maps to " + level);
    }

    private AlertCursor position() {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return AlertCursor.decode(cursor.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Parameter 'cursor' is not a cursor from this API: pass the nextCursor "
                    + "of the previous page unchanged.");
        }
    }

    private int pageSize() {
        if (limit == null || limit.isBlank()) {
            return AlertQuery.DEFAULT_LIMIT;
        }
        try {
            int size = Integer.parseInt(limit.trim());
            if (size >= 1 && size <= AlertQuery.MAX_LIMIT) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw ApiException.badRequest("Parameter 'limit' must be a whole number from 1 to " + AlertQuery.MAX_LIMIT
                + ", got " + ApiException.shown(limit) + ".");
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
