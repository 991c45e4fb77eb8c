package com.marketpulse.ingestion.source;

import java.util.Locale;

/** Where the ticks come from ({@code MARKETPULSE_SOURCE}). */
public enum SourceKind {
    ALPACA, SIMULATOR, REPLAY;

    /** The configured kind; when none is configured, alpaca if both keys are set, else the simulator. */
    public static SourceKind resolve(String configured, boolean alpacaKeysSet) {
        if (configured == null || configured.isBlank()) {
            return alpacaKeysSet ? ALPACA : SIMULATOR;
        }
        try {
            return valueOf(configured.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MARKETPULSE_SOURCE must be alpaca, simulator or replay, not '"
                    + configured + "'", e);
        }
    }
}
