package com.marketpulse.api.contract;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/** A configured symbol with the close and end time of its latest one-minute bar (null before the first bar). */
public record SymbolQuote(
        @Schema(example = "BTC/USD") String symbol,
        @Schema(description = "the form used in URL paths", example = "BTC-USD") String path,
        @Schema(example = "97012.5", nullable = true) @Nullable Double lastPrice,
        @Schema(example = "2026-11-24T12:01:00Z", nullable = true) @Nullable Instant lastTime) {
}
