package com.marketpulse.dashboard.backtest;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.Backtest;

/** How far a run is, for its progress bar and the line under it. */
public final class RunProgress {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private RunProgress() {
    }

    /**
     * The part done, 0 to 1: of the file's bytes for an upload, else (an archive range, whose size is not known
     * ahead) from the estimated time left; {@code null} when nothing tells yet.
     */
    public static @Nullable Double fraction(Backtest run) {
        if (!run.state().active()) {
            return 1.0;
        }
        if (run.bytesTotal() > 0) {
            return Math.clamp((double) run.bytesRead() / run.bytesTotal(), 0.0, 1.0);
        }
        if (run.etaSeconds() != null && run.rowsPerSecond() > 0) {
            double left = run.etaSeconds() * run.rowsPerSecond();
            return run.rowsRead() / (run.rowsRead() + left);
        }
        return null;
    }

    /** "12,345 rows read · at 2024-11-12 14:03 UTC · 5,400 rows/s · about 4 s left". */
    public static String text(Backtest run) {
        var text = new StringBuilder(String.format(Locale.ROOT, "%,d rows read", run.rowsRead()));
        if (run.badRows() > 0) {
            text.append(String.format(Locale.ROOT, " (%,d bad)", run.badRows()));
        }
        if (run.eventTimeReached() != null) {
            text.append(" · at ").append(TIME.format(run.eventTimeReached()));
        }
        if (run.state().active() && run.rowsPerSecond() > 0) {
            text.append(String.format(Locale.ROOT, " · %,.0f rows/s", run.rowsPerSecond()));
        }
        if (run.state().active() && run.etaSeconds() != null) {
            text.append(" · about ").append(duration(run.etaSeconds())).append(" left");
        }
        return text.toString();
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }
}
