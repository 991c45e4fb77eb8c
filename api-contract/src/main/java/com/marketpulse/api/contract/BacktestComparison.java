package com.marketpulse.api.contract;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

import com.marketpulse.events.AlertType;

/**
 * Two runs side by side (typically the same input with different settings). An alert of one run is matched by an
 * alert of the other with the same symbol and type whose time span overlaps it.
 */
@Schema(description = "Two backtest runs side by side")
public record BacktestComparison(Side a, Side b,
        @Schema(description = "alerts of a that b raised too", example = "9") long inBoth) {

    public record Side(
            Backtest run,
            @Schema(example = "14") long alerts,
            Map<AlertType, Long> countsByType,
            @Schema(description = "per type; empty without labels") List<BacktestReport.Score> scores,
            @Schema(nullable = true) BacktestReport.@Nullable Score overall,
            @Schema(description = "alerts the other run did not raise") List<AlertDto> onlyHere) {
    }
}
