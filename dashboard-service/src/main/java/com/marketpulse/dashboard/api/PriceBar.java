package com.marketpulse.dashboard.api;

import java.time.Instant;

/** One OHLCV bar of a symbol. */
public record PriceBar(Instant start, double open, double high, double low, double close, double volume, long trades) {
}
