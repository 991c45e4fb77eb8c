package com.marketpulse.api.market;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Bars of one symbol at one interval, oldest first. */
public record BarSeries(
        @Schema(example = "BTC/USD") String symbol,
        @Schema(example = "1m") String interval,
        List<BarDto> bars) {
}
