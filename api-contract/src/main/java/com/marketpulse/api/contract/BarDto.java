package com.marketpulse.api.contract;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** One OHLCV bar. */
public record BarDto(
        @Schema(example = "2026-11-24T12:00:00Z") Instant start,
        @Schema(example = "2026-11-24T12:01:00Z") Instant end,
        @Schema(example = "97000.0") double open,
        @Schema(example = "97050.0") double high,
        @Schema(example = "96990.0") double low,
        @Schema(example = "97012.5") double close,
        @Schema(example = "3.25") double volume,
        @Schema(example = "240") long trades) {
}
