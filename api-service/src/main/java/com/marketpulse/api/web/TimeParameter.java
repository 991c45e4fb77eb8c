package com.marketpulse.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Time query parameters: ISO-8601 with an offset ({@code 2026-11-24T12:00:00Z}) or a date (its UTC midnight),
 * within {@link #EARLIEST} and {@link #LATEST}.
 */
public final class TimeParameter {

    /**
     * The range a time parameter may take: four-digit years. java.time reads years up to ±999,999,999, PostgreSQL
     * stores up to 294276 AD; without a bound {@code +300000-01-01T00:00:00Z} reached the database and failed there.
     */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private TimeParameter() {
    }

    /**
     * @return the instant, or {@code null} when the value is absent or blank
     * @throws ApiException 400 naming the parameter when the value is not a time or out of range
     */
    public static Instant parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        Instant time;
        try {
            time = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                time = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw ApiException.badRequest("Parameter '" + name + "' must be an ISO-8601 time such as "
                        + "2026-11-24T12:00:00Z, got " + ApiException.shown(text) + ".");
            }
        }
        if (!inRange(time)) {
            throw ApiException.badRequest("Parameter '" + name + "' must lie between " + EARLIEST + " and " + LATEST
                    + ", got " + ApiException.shown(text) + ".");
        }
        return time;
    }

    public static boolean inRange(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }
}
