package com.marketpulse.delivery;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.JsonNode;

/**
 * Times in a delivery's texts (mail, Telegram) as its owner reads them: in the time zone of their alert rules, the
 * one their quiet hours are kept in, named after the time ("07:00 CET"); UTC when the delivery names no zone (a test
 * send, a delivery queued before zones were written) or one this JVM does not know.
 */
public record OwnerTime(ZoneId zone) {

    public static final OwnerTime UTC = new OwnerTime(ZoneId.of("UTC"));

    public OwnerTime {
        // "Z" and "+00:00" read as "UTC" after a time, not "Z"
        zone = zone.normalized().equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
    }

    /** The zone a delivery's body names in {@code timeZone} (an IANA id such as {@code Europe/Berlin}). */
    public static OwnerTime of(JsonNode body) {
        JsonNode zone = body.path("timeZone");
        if (!zone.isString()) {
            return UTC;
        }
        try {
            return new OwnerTime(ZoneId.of(zone.asString()));
        } catch (DateTimeException e) {
            return UTC;
        }
    }

    /** {@code instant} by {@code pattern}'s formatter (which should name the zone, e.g. with {@code zzz}). */
    public String format(DateTimeFormatter pattern, Instant instant) {
        return pattern.withZone(zone).format(instant);
    }
}
