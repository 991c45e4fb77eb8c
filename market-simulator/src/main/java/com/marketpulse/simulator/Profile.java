package com.marketpulse.simulator;

import java.util.Locale;

/** What kind of venue the simulator imitates ({@code marketpulse.simulator.profile}). */
public enum Profile {

    /** A deep book: several trades a second per pair, every price change in the trades (today's demo market). */
    DENSE,

    /**
     * A thin venue modelled on Alpaca's own {@code us}: the price lives in quotes every 1-2 s and in minute bars
     * (volume 0 when nothing traded); about 150 small trades a day per pair.
     */
    THIN;

    /** {@code dense} or {@code thin}, any case; blank means {@link #DENSE}. */
    public static Profile parse(String value) {
        if (value == null || value.isBlank()) {
            return DENSE;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("marketpulse.simulator.profile must be dense or thin: " + value, e);
        }
    }
}
