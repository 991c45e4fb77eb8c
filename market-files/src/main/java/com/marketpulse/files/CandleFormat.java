package com.marketpulse.files;

import java.util.Locale;

/** The layouts of 1-minute candle files MarketPulse reads. */
public enum CandleFormat {
    /**
     * Binance's public kline CSV: {@code open_time,open,high,low,close,volume,close_time,quote_volume,count,...},
     * with or without a header row, open time in epoch milliseconds or microseconds. The file names no symbol.
     */
    BINANCE_KLINES,
    /**
     * A plain bars CSV with a header, as Alpaca's REST bars export to:
     * {@code timestamp,symbol,open,high,low,close,volume[,trade_count,vwap]}; the timestamp is RFC 3339 or epoch
     * milliseconds.
     */
    BARS_CSV;

    /** Guesses the layout from a file's first line: a header naming {@code symbol} is a bars CSV. */
    public static CandleFormat detect(String firstLine) {
        String line = firstLine.toLowerCase(Locale.ROOT);
        return line.contains("symbol") ? BARS_CSV : BINANCE_KLINES;
    }
}
