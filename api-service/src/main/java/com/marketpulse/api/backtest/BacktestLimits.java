package com.marketpulse.api.backtest;

import java.time.Duration;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import com.marketpulse.api.MarketPulseProperties;
import com.marketpulse.api.web.ApiException;

/**
 * The per-account limits of backtests: how many may be queued, running or draining at once (429) and how many
 * upload bytes may be kept (409). Checked cheaply before an upload is read, and again under the account's lock
 * before a job is stored.
 */
@Component
class BacktestLimits {

    private final BacktestRepository jobs;
    private final int maxRunning;
    private final long maxStored;

    BacktestLimits(BacktestRepository jobs, MarketPulseProperties properties) {
        this.jobs = jobs;
        this.maxRunning = properties.api().backtests().maxRunningPerUser();
        this.maxStored = properties.api().backtests().maxStoredPerUser().toBytes();
    }

    void requireSlot(long ownerId) {
        long active = jobs.activeOf(ownerId);
        if (active >= maxRunning) {
            throw ApiException.refused(HttpStatus.TOO_MANY_REQUESTS, "backtest-running", "Too many backtests "
                    + "running: " + active + " of at most " + maxRunning + ". Wait for one to "
                    + "finish or cancel one (DELETE /api/backtests/{id}).", Duration.ofSeconds(30));
        }
    }

    void requireRoom(long ownerId, long moreBytes) {
        long stored = jobs.storedBytesOf(ownerId);
        if (stored + moreBytes > maxStored) {
            throw ApiException.refused(HttpStatus.CONFLICT, "backtest-storage", "Not enough backtest storage left: "
                    + human(stored) + " of " + human(maxStored) + " used, the upload needs "
                    + human(moreBytes) + ". Delete older backtests to make room.", null);
        }
    }

    /** Human-readable byte counts for messages. */
    static String human(long bytes) {
        if (bytes >= DataSize.ofGigabytes(1).toBytes()) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) DataSize.ofGigabytes(1).toBytes());
        }
        if (bytes >= DataSize.ofMegabytes(1).toBytes()) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) DataSize.ofMegabytes(1).toBytes());
        }
        return bytes + " bytes";
    }
}
