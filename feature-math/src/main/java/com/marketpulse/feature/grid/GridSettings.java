package com.marketpulse.feature.grid;

import java.time.Duration;
import java.util.Objects;

/**
 * The time grid of the market features ({@code marketpulse.features.*}): a section of the shared settings
 * (module settings), whose defaults file states the shipped values.
 *
 * @param emitEvery        at most one feature vector per symbol per this much event time (a grid step)
 * @param quoteStaleAfter  a quote older than this no longer sets the price; trades and bar closes do
 * @param usualMoveHalfLife half-life of the usual size of each horizon's move (sampled once a minute)
 * @param seasonalHalfLife half-life of the usual per-minute notional and volatility of each hour of the day
 * @param warmUp           history a symbol needs before its features are judged (the detector waits for it)
 */
public record GridSettings(Duration emitEvery, Duration quoteStaleAfter, Duration usualMoveHalfLife,
                           Duration seasonalHalfLife, Duration warmUp) {

    public GridSettings {
        Objects.requireNonNull(emitEvery, "emit-every");
        Objects.requireNonNull(quoteStaleAfter, "quote-stale-after");
        Objects.requireNonNull(usualMoveHalfLife, "usual-move-half-life");
        Objects.requireNonNull(seasonalHalfLife, "seasonal-half-life");
        Objects.requireNonNull(warmUp, "warm-up");
        if (emitEvery.isNegative() || usualMoveHalfLife.toMinutes() < 1 || seasonalHalfLife.toDays() < 1) {
            throw new IllegalArgumentException("emit-every >= 0, usual-move-half-life >= 1m, seasonal-half-life >= 1d");
        }
    }
}
