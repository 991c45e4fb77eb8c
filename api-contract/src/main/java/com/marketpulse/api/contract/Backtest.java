package com.marketpulse.api.contract;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.BacktestProgress;

/**
 * One backtest job and its progress, as its owner sees it. Counts are of input rows: at the end
 * {@code rowsRead = published + deadLettered + badRows}.
 */
@Schema(description = "A backtest run and where it stands")
public record Backtest(
        @Schema(description = "the run id", example = "0b6f3c1e-8a0d-4b7e-9d0c-5f1d2a3b4c5d") String id,
        @Schema(example = "DOT Nov 2024, moves >= 5 %") String name,
        @Schema(example = "RUNNING") BacktestState state,
        @Schema(description = "what it replays", example = "upload DOTUSDT-1m-2024-11.csv.gz (candles as DOT/USD, 1.2 MB)")
        String input,
        @Schema(description = "detector settings that differ from the live ones (null fields keep the live value)")
        BacktestCommand.Overrides overrides,
        @Schema(example = "21600") long rowsRead,
        @Schema(example = "21598") long published,
        @Schema(example = "0") long deadLettered,
        @Schema(example = "2") long badRows,
        @Schema(description = "the first rows that could not be read, with their line numbers")
        List<BacktestProgress.BadRow> firstBadRows,
        @Schema(nullable = true, example = "2024-11-01T00:01:00Z") @Nullable Instant eventTimeFrom,
        @Schema(nullable = true, example = "2024-11-15T23:59:00Z") @Nullable Instant eventTimeReached,
        @Schema(description = "the recent replay rate", example = "5400.5") double rowsPerSecond,
        @Schema(nullable = true, description = "estimated seconds left", example = "4") @Nullable Long etaSeconds,
        @Schema(example = "614400") long bytesRead,
        @Schema(example = "1258291") long bytesTotal,
        @Schema(description = "bytes of the stored upload (counted against the owner's quota)", example = "1258291")
        long storedBytes,
        @Schema(nullable = true, description = "why it failed, or a note on an incomplete run") @Nullable String error,
        @Schema(example = "2026-12-03T19:20:00Z") Instant createdAt,
        @Schema(nullable = true, example = "2026-12-03T19:20:31Z") @Nullable Instant finishedAt) {

    public Backtest {
        firstBadRows = firstBadRows == null ? List.of() : List.copyOf(firstBadRows);
    }
}
