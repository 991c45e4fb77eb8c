package com.marketpulse.ingestion.replay;

import java.util.Locale;

/** What a replay file holds ({@code MARKETPULSE_REPLAY_FORMAT}): trades, 1-minute candles, or told by the file. */
public enum ReplayFormat {
    /** Decided by the file: see {@link ReplayInput#of}. */
    AUTO,
    /** A CSV ({@code timestamp,symbol,price,size[,label]}) or Parquet file of trades. */
    TRADES,
    /** A 1-minute candle file, gzipped or not: Binance klines or a bars CSV. */
    CANDLES;

    /** Parses {@code auto} (or empty), {@code trades} or {@code candles}. */
    public static ReplayFormat parse(String text) {
        String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            return AUTO;
        }
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MARKETPULSE_REPLAY_FORMAT must be auto, trades or candles, not '"
                    + text + "'", e);
        }
    }
}
