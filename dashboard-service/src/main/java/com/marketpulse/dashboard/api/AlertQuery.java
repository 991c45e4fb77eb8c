package com.marketpulse.dashboard.api;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Filters of an alert listing; null means "any". */
public record AlertQuery(
        int limit,
        @Nullable String cursor,
        @Nullable String type,
        @Nullable String symbol,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static AlertQuery latest(int limit) {
        return new AlertQuery(limit, null, null, null, null, null);
    }

    public AlertQuery withCursor(@Nullable String next) {
        return new AlertQuery(limit, next, type, symbol, from, to);
    }
}
