package com.marketpulse.dashboard.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads RFC 9457 problem details and {@code Retry-After} headers from error answers. */
final class ProblemReader {

    private final JsonMapper json;

    ProblemReader(JsonMapper json) {
        this.json = json;
    }

    /** The problem's {@code detail} (else its {@code title}); null when the body is not a problem document. */
    @Nullable String detail(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = json.readTree(new String(body, StandardCharsets.UTF_8));
            for (String field : new String[] {"detail", "title", "message"}) {
                JsonNode value = node.get(field);
                if (value != null && value.isString() && !value.asString().isBlank()) {
                    return value.asString();
                }
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; null when absent or unreadable. */
    static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                var at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                var wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
