package com.marketpulse.dashboard.api;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An alert as api-service returns it (and streams it). Enum-like fields stay strings so that a value the
 * API adds later never breaks the dashboard.
 *
 * @param severity 0–100
 * @param level    LOW, MEDIUM, HIGH or CRITICAL
 */
public record AlertDto(
        String id,
        String symbol,
        String type,
        @Nullable String direction,
        int severity,
        @Nullable String level,
        Instant eventTime,
        @Nullable Instant endTime,
        double price,
        double score,
        @Nullable String modelVersion,
        @Nullable String explanation,
        @Nullable Instant detectedAt) {
}
