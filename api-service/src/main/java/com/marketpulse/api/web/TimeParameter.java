package com.marketpulse.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Time query parameters: ISO-8601 with an offset ({@code 2026-11-24T12:00:00Z}) or a date (its UTC midnight). */
public final class TimeParameter {

    private TimeParameter() {
    }

    /**
     * @return the instant, or {@code null} when the value is absent or blank
     * @throws ApiException 400 naming the parameter when the value is not a time
     */
    public static Instant parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw ApiException.badRequest("Parameter '" + name + "' must be an ISO-8601 time such as "
                        + "2026-11-24T12:00:00Z, got " + ApiException.shown(text) + ".");
            }
        }
    }
}
