package com.marketpulse.api.contract;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

import com.marketpulse.events.BacktestCommand;

/** A backtest over a range of the product's own archive (the JSON form of {@code POST /api/backtests}). */
@Schema(description = "A backtest of an archived period")
public record BacktestArchiveRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Archive archive,
        @Schema(nullable = true, description = "detector settings to change for this run; null keeps the live ones")
        BacktestCommand.@Nullable Overrides overrides,
        @Schema(nullable = true, description = "a name for people; default: the input", example = "BTC last week")
        @Nullable String name) {

    /**
     * @param from the first event time (inclusive)
     * @param to   the end (exclusive)
     */
    public record Archive(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "[\"BTC/USD\", \"ETH/USD\"]")
            List<String> symbols,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-11-24T00:00:00Z") Instant from,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-11-25T00:00:00Z") Instant to) {
    }
}
