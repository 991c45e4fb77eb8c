package com.marketpulse.simulator;

import java.util.Locale;

/**
 * How injected anomalies are defined ({@code marketpulse.simulator.events}).
 *
 * <p>A separate setting rather than part of the profile because the dense profile needs both: its classic,
 * per-trade events are what the evaluation's figures so far were measured on, and its market-term events are the
 * same events a thin venue gets, so the two profiles can be compared. The thin profile has market events only: an
 * event defined per trade means nothing at ~150 trades a day.
 */
public enum EventStyle {

    /**
     * Per trade, as the dense simulator always did: a price jump of {@code jump-sigmas} per-trade σ in one trade,
     * trade sizes × {@code volume-multiplier} for 20-60 s, per-trade volatility × {@code volatility-multiplier} for
     * 60-120 s, at {@code anomalies-per-hour}.
     */
    CLASSIC,

    /**
     * In market terms, on a continuous clock ({@code marketpulse.simulator.market-events.*}): the price moves by a
     * percentage over minutes and stays there, traded volume is a multiple of its usual level for minutes, realized
     * volatility is a multiple of its usual level for minutes. Onsets fall at random seconds.
     */
    MARKET;

    /** {@code classic} or {@code market}; blank picks the profile's own: classic for dense, market for thin. */
    public static EventStyle resolve(String value, Profile profile) {
        if (value == null || value.isBlank()) {
            return profile == Profile.THIN ? MARKET : CLASSIC;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("marketpulse.simulator.events must be classic or market: " + value, e);
        }
    }
}
