package com.marketpulse.events;

import java.util.regex.Pattern;

/** Symbols travel as Alpaca writes them ({@code BTC/USD}); URL paths use {@code BTC-USD}. */
public final class Symbols {

    private static final Pattern PAIR = Pattern.compile("[A-Z0-9]{1,15}/[A-Z0-9]{1,15}");

    private Symbols() {
    }

    /** Accepts {@code BTC/USD}, {@code BTC-USD} or {@code btc-usd} and returns {@code BTC/USD}. */
    public static String normalize(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("symbol is missing");
        }
        String pair = raw.trim().toUpperCase().replace('-', '/');
        if (!PAIR.matcher(pair).matches()) {
            throw new IllegalArgumentException("not a crypto pair like BTC/USD: '" + raw + "'");
        }
        return pair;
    }

    /** {@code BTC/USD} → {@code BTC-USD}, for paths and partition directories. */
    public static String toPath(String symbol) {
        return symbol.replace('/', '-');
    }
}
