package com.marketpulse.dashboard.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import com.marketpulse.api.contract.Backtest;
import com.marketpulse.api.contract.BacktestState;
import com.marketpulse.events.BacktestCommand;

class RunProgressTest {

    private static Backtest run(BacktestState state, long rows, long bytesRead, long bytesTotal, double rate,
                                @Nullable Long eta) {
        return new Backtest("r1", "DOT", state, "upload", BacktestCommand.Overrides.NONE, rows, rows, 0, 2, List.of(),
                Instant.parse("2024-11-01T00:00:00Z"), Instant.parse("2024-11-12T14:03:00Z"), rate, eta, bytesRead,
                bytesTotal, bytesTotal, null, Instant.parse("2026-12-03T19:20:00Z"), null);
    }

    @Test
    void anUploadIsAsFarAsTheBytesReadAndSaysRowsTimeRateAndTimeLeft() {
        var running = run(BacktestState.RUNNING, 12_345, 250, 1000, 5400.4, 75L);

        assertThat(RunProgress.fraction(running)).isEqualTo(0.25);
        assertThat(RunProgress.text(running))
                .isEqualTo("12,345 rows read (2 bad) · at 2024-11-12 14:03 UTC · 5,400 rows/s · about 1 min 15 s left");
    }

    @Test
    void anArchiveRangeOfUnknownSizeIsAsFarAsItsEstimatedTimeLeftSays() {
        var running = run(BacktestState.RUNNING, 3000, 0, 0, 1000, 1L);

        assertThat(RunProgress.fraction(running)).isEqualTo(0.75);
        assertThat(RunProgress.fraction(run(BacktestState.QUEUED, 0, 0, 0, 0, null))).isNull();
    }

    @Test
    void aFinishedRunIsWholeAndShowsNeitherRateNorTimeLeft() {
        var done = run(BacktestState.DONE, 21_600, 1000, 1000, 0, null);

        assertThat(RunProgress.fraction(done)).isEqualTo(1.0);
        assertThat(RunProgress.text(done)).isEqualTo("21,600 rows read (2 bad) · at 2024-11-12 14:03 UTC");
    }
}
